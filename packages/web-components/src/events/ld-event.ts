/**
 * Base of every event our elements dispatch: a `CustomEvent` that bubbles and crosses shadow roots
 * (`composed`), so a host page or an outer component hears it wherever the element sits. Consumers
 * read `detail`, never the inner target.
 */
export class LdEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T, init: { cancelable?: boolean } = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}
