/** Every reply in the protocol: a value, or an error a person can read. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wraps a value as a successful reply. */
export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });

/** Wraps a reason as a failed reply. */
export const fail = (error: string): Reply<never> => ({ ok: false, error });
