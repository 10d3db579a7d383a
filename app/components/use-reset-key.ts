import { useRef } from "react";

/**
 * A React key that changes whenever `value` changes identity — e.g. each new action result — so an
 * uncontrolled form (with a file input, which cannot be reset by props) is rebuilt empty after a submission.
 */
export function useResetKey(value: unknown): number {
  const last = useRef<{ value: unknown; key: number }>({ value, key: 0 });
  if (last.current.value !== value) last.current = { value, key: last.current.key + 1 };
  return last.current.key;
}
