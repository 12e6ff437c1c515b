import { LdEvent } from './ld-event.js';

/** Detail of `ld-copy`: the exact original text that was put on the clipboard. */
export interface LdCopyDetail {
  text: string;
  /** False when the browser refused clipboard access (the text is still in `text`). */
  copied: boolean;
}

/** A copy control copied a value. */
export class LdCopyEvent extends LdEvent<LdCopyDetail> {
  static readonly eventName = 'ld-copy' as const;
  constructor(detail: LdCopyDetail) {
    super(LdCopyEvent.eventName, detail);
  }
}
