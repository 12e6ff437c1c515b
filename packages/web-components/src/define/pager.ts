import { defineElement } from '../internal/define-element.js';
import { LdPager } from '../components/pager/pager.js';

defineElement('ld-pager', LdPager);
