/**
 * How `npm test` runs node's test runner, the unit and HTTP files and the abuse suite alike.
 * One file at a time: HTTP tests start servers, and the machine has two cores.
 * A test file that hangs fails after TEST_TIMEOUT_MS instead of holding CI until its own limit
 * (on Node 20 the runner's timeout also bounds each file as a whole; the slowest test here takes
 * about 25 s and no file a minute, so ten minutes leaves room for a much slower machine), and a file whose
 * tests have ended exits even if something it opened still holds the event loop, so one leaked
 * handle cannot stall the run either.
 */
const TEST_TIMEOUT_MS = 600_000;

export const nodeTestArguments = (files: readonly string[]): string[] => [
  "--import",
  "tsx",
  "--test",
  "--test-concurrency=1",
  `--test-timeout=${TEST_TIMEOUT_MS}`,
  "--test-force-exit",
  "--test-reporter=spec",
  ...files,
];
