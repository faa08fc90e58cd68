/** What `run` throws; throws itself when `run` returns, so the test fails saying a throw was expected. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
