import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { uniqueId } from '../../internal/ids.js';
import { baseStyles, fieldStyles } from '../../internal/styles.js';
import styles from './hostid-input.styles.js';

/** Host id types offered unless the host gives its own list. */
export const HOST_ID_TYPES = ['ETHERNET', 'STRING', 'USER', 'VM_UUID', 'FLEXID9', 'FLEXID10', 'INTERNET'] as const;

const ETHERNET = /^[0-9a-f]{12}$/i;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Why a host id is not acceptable for its type, or null. */
export function hostIdProblem(value: string, type: string): string | null {
  if (value === '') return null;
  if (type === 'ETHERNET' && !ETHERNET.test(value.replace(/[:-]/g, ''))) {
    return 'An ETHERNET host id is 12 hexadecimal digits, such as AA11BB22CC33 (":" and "-" may separate them).';
  }
  if (type === 'VM_UUID' && !UUID.test(value)) return 'A VM_UUID host id is a UUID, such as 4C4C4544-0042-3510-8052-B4C04F4E4B32.';
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'A host id cannot contain control characters.';
  return null;
}

/**
 * @tagname ld-hostid-input
 * @summary A host id field (value and type) that takes part in native forms.
 *
 * @description Form-associated through ElementInternals: with a `name` it adds `<name>=<value>` and
 * `<name>-type=<type>` to the form's FormData; it is left out while disabled, also when a
 * surrounding `<fieldset disabled>` disables it; it validates (required, the ETHERNET and VM_UUID
 * formats) and blocks submission while invalid; Enter submits the form; form reset restores the
 * `value`/`type` attributes; the browser's form state restore (back/forward, autofill) restores value
 * and type. The `value` attribute is the initial value, the `value` property the current one.
 *
 * @event input - The value or type is being changed (native, composed).
 * @event change - The value or type was changed.
 *
 * @csspart base - The container.
 * @csspart value-label - The label of the value field.
 * @csspart value-input - The value field.
 * @csspart type-label - The label of the type selector.
 * @csspart type-select - The type selector.
 * @csspart error - The validation message.
 *
 * @cssproperty --ld-hostid-input-gap - Space between the fields.
 * @cssproperty --ld-hostid-input-width - Width of the value field.
 */
export class LdHostIdInput extends LitElement {
  static override styles = [baseStyles, fieldStyles, styles];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Name of the field in the form's data. */
  @property({ reflect: true })
  name = '';

  /** The host id value. */
  @property()
  value = '';

  /** The host id type. */
  @property()
  type = 'ETHERNET';

  /** Types offered in the selector. */
  @property({ attribute: false })
  types: readonly string[] = HOST_ID_TYPES;

  /** Disables both fields (and leaves the value out of the form). */
  @property({ type: Boolean, reflect: true })
  disabled = false;

  /** A value is needed. */
  @property({ type: Boolean, reflect: true })
  required = false;

  /** Shows the value without letting it be changed. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** Label of the value field. */
  @property()
  label = 'Host ID';

  /** Label of the type selector. */
  @property({ attribute: 'type-label' })
  typeLabel = 'ID type';

  /** Hides the labels visually (a surrounding `<label>` names the element). */
  @property({ type: Boolean, attribute: 'hide-label' })
  hideLabel = false;

  /** Leaves out the type selector (the type stays as set). */
  @property({ type: Boolean, attribute: 'hide-type' })
  hideType = false;

  @state()
  private formDisabled = false;

  /** Shows the validation message once the user has left the field or tried to submit. */
  @state()
  private showError = false;

  @query('input')
  private inputElement?: HTMLInputElement;

  private readonly internals: ElementInternals;
  private readonly uid = uniqueId('ld-hostid');

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', () => {
      this.showError = true;
    });
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The element's validity state. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message explaining why the value is invalid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Checks validity, firing `invalid` when it fails. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the problem to the user. */
  reportValidity(): boolean {
    this.showError = true;
    return this.internals.reportValidity();
  }

  /** Called by the form when a surrounding fieldset or form is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Called by the form on reset: back to the `value` and `type` attributes. */
  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
    this.type = this.getAttribute('type') ?? 'ETHERNET';
    this.showError = false;
  }

  /** Called by the browser to restore the state after back/forward navigation or autofill. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const saved = JSON.parse(state) as { value?: unknown; type?: unknown };
      if (typeof saved.value === 'string') this.value = saved.value;
      if (typeof saved.type === 'string') this.type = saved.type;
    } catch {
      this.value = state;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('type') || changed.has('name') || changed.has('required')) this.syncForm();
  }

  private syncForm(): void {
    let data: FormData | null = null;
    if (this.name) {
      data = new FormData();
      data.append(this.name, this.value);
      data.append(`${this.name}-type`, this.type);
    }
    this.internals.setFormValue(data, JSON.stringify({ value: this.value, type: this.type }));
    const problem = this.required && this.value === '' ? 'Enter a host id.' : hostIdProblem(this.value, this.type);
    if (problem) {
      const flags: ValidityStateFlags = this.value === '' ? { valueMissing: true } : { patternMismatch: true };
      this.internals.setValidity(flags, problem, this.inputElement);
    } else {
      this.internals.setValidity({});
    }
  }

  protected override render() {
    const disabled = this.disabled || this.formDisabled;
    const problem = this.showError ? this.internals.validationMessage : '';
    const types = this.types.includes(this.type) ? this.types : [this.type, ...this.types];
    return html`<div part="base" class="base ${disabled ? 'disabled' : ''}">
      <div class="part">
        <label part="value-label" for="${this.uid}-value" class=${this.hideLabel ? 'visually-hidden' : ''}>${this.label}</label>
        <input
          part="value-input"
          id="${this.uid}-value"
          type="text"
          autocomplete="off"
          spellcheck="false"
          .value=${live(this.value)}
          ?disabled=${disabled}
          ?readonly=${this.readonly}
          ?required=${this.required}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? `${this.uid}-error` : nothing}
          @input=${this.handleInput}
          @change=${this.handleChange}
          @keydown=${this.handleKeydown}
          @blur=${this.handleBlur}
        />
      </div>
      ${this.hideType
        ? nothing
        : html`<div class="part">
            <label part="type-label" for="${this.uid}-type" class=${this.hideLabel ? 'visually-hidden' : ''}>${this.typeLabel}</label>
            <select part="type-select" id="${this.uid}-type" ?disabled=${disabled || this.readonly} @change=${this.handleTypeChange}>
              ${types.map((type) => html`<option value=${type} ?selected=${type === this.type}>${type}</option>`)}
            </select>
          </div>`}
      ${problem ? html`<p part="error" class="error" id="${this.uid}-error">${problem}</p>` : nothing}
    </div>`;
  }

  private handleInput = (event: Event) => {
    this.value = (event.target as HTMLInputElement).value;
  };

  private handleChange = () => {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  private handleBlur = () => {
    this.showError = true;
  };

  private handleTypeChange = (event: Event) => {
    this.type = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  private handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    this.showError = true;
    this.internals.form?.requestSubmit();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ld-hostid-input': LdHostIdInput;
  }
}
