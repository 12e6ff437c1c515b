import './status.js';
import './data-table.js';
import './pager.js';
import { defineElement } from '../internal/define-element.js';
import { LdFeatureDetails } from '../components/feature-details/feature-details.js';

defineElement('ld-feature-details', LdFeatureDetails);
