import './status.js';
import { defineElement } from '../internal/define-element.js';
import { LdReservationForm } from '../components/reservation-form/reservation-form.js';

defineElement('ld-reservation-form', LdReservationForm);
