import tseslint from "typescript-eslint";
import { roomConfigs } from "./eslint.rooms.mjs";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "data/**", "test-results/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // Library code reports through return values and errors; only scripts and tests print.
    files: ["lib/**/*.ts", "router/**/*.ts", "catalog/**/*.ts"],
    rules: { "no-console": "error" },
  },
  // Who may import whom (docs/ARCHITECTURE.md, Rooms; the table is eslint.rooms.mjs).
  ...roomConfigs(),
);
