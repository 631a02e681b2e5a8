/**
 * `npm run build`'s second step (after `next build`): the lean API bundle scripts/serve.mjs
 * serves POST /api/recommend and /api/feedback with (scripts/support/build-lean-api.ts).
 * `npm start` and `npm test` build it themselves with the app (scripts/support/prepare-app.ts).
 */
import { buildLeanApi, LEAN_API_BUNDLE } from "./support/build-lean-api";

await buildLeanApi();
process.stdout.write(`Built ${LEAN_API_BUNDLE}\n`);
