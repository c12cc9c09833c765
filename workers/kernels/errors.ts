/**
 * Errors and input checks shared by the analytics kernels.
 *
 * Every kernel validates before it computes, so a bad input fails fast with a code the worker layer can
 * translate, instead of looping forever or leaking NaN into a chart.
 */

export type KernelErrorCode =
  | 'EMPTY_INPUT'
  | 'NON_FINITE'
  | 'LENGTH_MISMATCH'
  | 'INVALID_PARAMETER'
  | 'TOO_FEW_SAMPLES'
  | 'CONSTANT_INPUT'
  | 'SINGLE_CLASS'
  | 'SINGULAR_MATRIX'
  | 'NOT_CONVERGED';

export class KernelError extends Error {
  readonly code: KernelErrorCode;
  constructor(code: KernelErrorCode, message: string) {
    super(message);
    this.name = 'KernelError';
    this.code = code;
  }
}

type NumericArray = Float64Array | Int32Array | Uint32Array | ArrayLike<number>;

export function requireNonEmpty(name: string, values: { length: number }): void {
  if (values.length === 0) throw new KernelError('EMPTY_INPUT', `${name} is empty`);
}

/** Magnitudes above this could overflow once squared and summed, so they are refused up front. */
export const MAX_MAGNITUDE = 1e150;

export function requireFinite(name: string, values: NumericArray): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new KernelError('NON_FINITE', `${name}[${i}] is ${v}; only finite numbers are accepted`);
    }
    if (Math.abs(v) > MAX_MAGNITUDE) {
      throw new KernelError('NON_FINITE', `${name}[${i}] = ${v} is too large to compute with (limit ±1e150)`);
    }
  }
}

export function requireSameLength(names: string[], arrays: { length: number }[]): void {
  const first = arrays[0]!.length;
  for (let i = 1; i < arrays.length; i++) {
    if (arrays[i]!.length !== first) {
      throw new KernelError(
        'LENGTH_MISMATCH',
        `${names[i]} has ${arrays[i]!.length} entries but ${names[0]} has ${first}`,
      );
    }
  }
}

export function requireInteger(
  name: string,
  value: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new KernelError(
      'INVALID_PARAMETER',
      `${name} must be an integer in [${min}, ${max}], got ${value}`,
    );
  }
}

export function requireNumberIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new KernelError('INVALID_PARAMETER', `${name} must be a number in [${min}, ${max}], got ${value}`);
  }
}

/** A row-major matrix of `rows` × `cols` doubles; the layout every multivariate kernel takes. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

export function requireMatrix(name: string, m: Matrix): void {
  requireInteger(`${name}.rows`, m.rows, 1);
  requireInteger(`${name}.cols`, m.cols, 1);
  if (m.data.length !== m.rows * m.cols) {
    throw new KernelError(
      'LENGTH_MISMATCH',
      `${name}.data has ${m.data.length} entries, expected rows × cols = ${m.rows * m.cols}`,
    );
  }
  requireFinite(`${name}.data`, m.data);
}
