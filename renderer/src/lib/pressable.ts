import type { KeyboardEvent } from 'react';

/** What makes a box (a drop zone) act as a button: focusable, pressed by a click, Enter or Space. */
export function pressable(onPress: () => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    onClick: onPress,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') onPress();
    },
  };
}
