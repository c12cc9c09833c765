import { expect } from 'vitest';
import { KernelError } from '../../../workers/kernels/errors';

/** Runs `fn`, asserts it throws a KernelError, and returns its code. */
export function kernelErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KernelError);
    return (e as KernelError).code;
  }
  throw new Error('expected a KernelError, nothing was thrown');
}

/** Asserts |actual − expected| ≤ tol elementwise (absolute tolerance). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i]! - expected[i]!);
    if (!(diff <= tol)) expect.fail(`index ${i}: ${actual[i]} vs ${expected[i]} (|diff| ${diff} > ${tol})`);
  }
}
