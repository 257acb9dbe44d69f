import { useState } from 'react';

/**
 * A one-time confirmation carried to the next page (「登録しました」 after a save). Kept in memory
 * only: a reload or a shared link never repeats it.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function useFlash(): string | null {
  const [message] = useState(() => {
    const value = pending;
    pending = null;
    return value;
  });
  return message;
}
