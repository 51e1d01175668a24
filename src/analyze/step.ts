/**
 * Steps as TensorBoard keeps them: int64. A step that is a safe integer (|step| <= 2^53 - 1) is a
 * number; any other is an exact bigint, so 2^63-1 and 2^63-2 stay two steps wherever steps are
 * printed or exported. Only safe steps go into the per-step series the detector reads.
 */
export type Step = number | bigint;

/** An event's int64 step, exact: protobufjs decodes int64 as a Long (a number only without Long). */
export function exactStep(v: number | { toNumber(): number; toString(): string } | null | undefined): Step {
  if (v == null) return 0;
  if (typeof v === 'number') return v;
  const n = v.toNumber();
  return Number.isSafeInteger(n) ? n : BigInt(v.toString());
}

/** Orders steps of either kind (comparisons between a number and a bigint are exact). */
export function compareSteps(a: Step, b: Step): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
