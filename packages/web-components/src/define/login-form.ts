import { defineElement } from '../internal/define-element.js';
import { LdLoginForm } from '../components/login-form/login-form.js';

defineElement('ld-login-form', LdLoginForm);
