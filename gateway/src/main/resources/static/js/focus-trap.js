// Where Tab goes at the ends of an open dialog. Pure, so that it is unit tested; dialogs.js applies it.

/**
 * The index among a dialog's `count` tabbable controls that Tab (or, `backwards`, Shift+Tab) moves to
 * from the one at `index` (-1: focus is on none of them, e.g. on the dialog or a message), when
 * it must wrap round; -1 when the browser's own order is right. A modal dialog makes the page behind
 * it inert, but from its last control the browser would still move on to its own address bar.
 */
export function trappedTabTarget(index, count, backwards) {
  if (count === 0) return -1;
  if (index < 0) return backwards ? count - 1 : 0;
  if (backwards && index === 0) return count - 1;
  if (!backwards && index === count - 1) return 0;
  return -1;
}
