import { defineElement } from '../internal/define-element.js';
import { LdSettingsForm } from '../components/settings-form/settings-form.js';

defineElement('ld-settings-form', LdSettingsForm);
