import { chatReducer, createInitialChatState, type ChatAction, type ChatState } from '../../src/ui/state/chat-reducer.js';

/** The chat state after `actions`, from a fresh chat unless `state` is given. */
export function reduce(actions: ChatAction[], state: ChatState = createInitialChatState()): ChatState {
  return actions.reduce(chatReducer, state);
}
