import './status.js';
import './code-view.js';
import './pager.js';
import { defineElement } from '../internal/define-element.js';
import { LdReservationsImport } from '../components/reservations-import/reservations-import.js';

defineElement('ld-reservations-import', LdReservationsImport);
