import { LdEvent } from './ld-event.js';
import type { LicenseChange } from '../internal/sdk.js';

export type { LicenseChange };

/** What happened to the reservation groups in an `ld-reservations-changed` event. */
export const RESERVATION_CHANGE_ACTIONS = ['created', 'replaced', 'deleted', 'imported'] as const;
export type ReservationChangeAction = (typeof RESERVATION_CHANGE_ACTIONS)[number];

/** Detail of `ld-reservations-changed`: what was done and the names of the groups it touched. */
export interface LdReservationsChangedDetail {
  action: ReservationChangeAction;
  /** Names of the groups created, replaced, deleted or imported (server-generated names included). */
  groups: string[];
}

/** Reservation groups were created, replaced, deleted or imported on the server. */
export class LdReservationsChangedEvent extends LdEvent<LdReservationsChangedDetail> {
  static readonly eventName = 'ld-reservations-changed' as const;
  constructor(detail: LdReservationsChangedDetail) {
    super(LdReservationsChangedEvent.eventName, detail);
  }
}

/** Detail of `ld-reservations-imported`: the groups the server created from an imported file. */
export interface LdReservationsImportedDetail {
  /** Name of the file that was imported. */
  fileName: string;
  /** The groups as the server stored them, with ids, generated names and entry states. */
  groups: Array<{ id: number; name: string }>;
  /** Number of reservation entries created. */
  entries: number;
}

/** A reservation file was imported (all of it: the import is atomic). */
export class LdReservationsImportedEvent extends LdEvent<LdReservationsImportedDetail> {
  static readonly eventName = 'ld-reservations-imported' as const;
  constructor(detail: LdReservationsImportedDetail) {
    super(LdReservationsImportedEvent.eventName, detail);
  }
}

/** What happened to the model definition in an `ld-model-change` event. */
export const MODEL_CHANGE_ACTIONS = ['uploaded', 'deleted'] as const;
export type ModelChangeAction = (typeof MODEL_CHANGE_ACTIONS)[number];

/** Detail of `ld-model-change`. */
export interface LdModelChangeDetail {
  action: ModelChangeAction;
  /** Name of the model now active (after an upload). */
  name?: string;
}

/** The model definition (named license pools) was uploaded or deleted. */
export class LdModelChangeEvent extends LdEvent<LdModelChangeDetail> {
  static readonly eventName = 'ld-model-change' as const;
  constructor(detail: LdModelChangeDetail) {
    super(LdModelChangeEvent.eventName, detail);
  }
}

/** Detail of `ld-download`: the file an element is about to save. */
export interface LdDownloadDetail {
  fileName: string;
  /** The exact bytes (or text) as received from the server. */
  blob: Blob;
}

/**
 * An element is about to save a file for the user (a request `.bin`, an export). Cancelable: a host
 * that saves files its own way calls `preventDefault()` and handles `detail.blob` itself.
 */
export class LdDownloadEvent extends LdEvent<LdDownloadDetail> {
  static readonly eventName = 'ld-download' as const;
  constructor(detail: LdDownloadDetail) {
    super(LdDownloadEvent.eventName, detail, { cancelable: true });
  }
}

/** Detail of `ld-offline-response-upload`: what the server changed in its licenses. */
export interface LdOfflineResponseUploadDetail {
  fileName: string;
  confirmationRequestNeeded: boolean;
  changes: { added: LicenseChange[]; updated: LicenseChange[]; removed: LicenseChange[] };
}

/** A back-office response file was accepted by the server. */
export class LdOfflineResponseUploadEvent extends LdEvent<LdOfflineResponseUploadDetail> {
  static readonly eventName = 'ld-offline-response-upload' as const;
  constructor(detail: LdOfflineResponseUploadDetail) {
    super(LdOfflineResponseUploadEvent.eventName, detail);
  }
}

/** Detail of `ld-client-key-change`: the new key's SHA-256 fingerprint, or null after a delete. */
export interface LdClientKeyChangeDetail {
  fingerprint: string | null;
}

/** The client public key for REST-driven licensing was uploaded or deleted. */
export class LdClientKeyChangeEvent extends LdEvent<LdClientKeyChangeDetail> {
  static readonly eventName = 'ld-client-key-change' as const;
  constructor(detail: LdClientKeyChangeDetail) {
    super(LdClientKeyChangeEvent.eventName, detail);
  }
}

/** Detail of `ld-cancel`: which panel the user left. */
export interface LdCancelDetail {
  /** The panel, e.g. `reservation-form`, `reservations-import`, `offline-response`. */
  what: string;
}

/** The user pressed Cancel in a panel; the host closes or resets it. */
export class LdCancelEvent extends LdEvent<LdCancelDetail> {
  static readonly eventName = 'ld-cancel' as const;
  constructor(detail: LdCancelDetail) {
    super(LdCancelEvent.eventName, detail);
  }
}
