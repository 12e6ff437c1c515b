import './status.js';
import './data-table.js';
import './pager.js';
import './reservation-form.js';
import './reservations-import.js';
import { defineElement } from '../internal/define-element.js';
import { LdReservationsView } from '../components/reservations-view/reservations-view.js';

defineElement('ld-reservations-view', LdReservationsView);
