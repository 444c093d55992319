import type { ChatState } from './chat-reducer.js';
import type { HistoryItem } from './history-item.js';

/** A history item before it is numbered. */
export type NewHistoryItem = HistoryItem extends infer Item
  ? Item extends HistoryItem
    ? Omit<Item, 'id'>
    : never
  : never;

/** Appends items to the history, numbering them. */
export function appendHistory(state: ChatState, ...items: NewHistoryItem[]): ChatState {
  let nextId = state.nextId;
  const numbered = items.map((item) => ({ ...item, id: nextId++ }) as HistoryItem);
  return { ...state, history: [...state.history, ...numbered], nextId };
}
