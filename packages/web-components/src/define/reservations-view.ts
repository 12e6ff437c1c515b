import { defineElement } from '../internal/define-element.js';
import { LdReservationsView } from '../components/reservations-view/reservations-view.js';

defineElement('ld-reservations-view', LdReservationsView);
