import { HostError } from "../../src/host";

/** Runs `fn` and returns the error it throws (sync or async), failing the test when it doesn't throw. */
export async function caught(fn: () => unknown): Promise<HostError> {
  try {
    await fn();
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected an error");
}

export function caughtSync(fn: () => unknown): HostError {
  try {
    fn();
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected an error");
}
