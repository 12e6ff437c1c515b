/** The error body the manager sends, shaped like the license server's own errors. */
export interface ManagerErrorBody {
  key: string;
  message: string;
  arguments: string[];
  details?: Array<{ path: string; message: string }>;
}

/** An error the manager's routes throw to answer with a given status and body. */
export class ManagerError extends Error {
  readonly statusCode: number;
  readonly body: ManagerErrorBody;

  constructor(statusCode: number, key: string, message: string, args: string[] = [], details?: ManagerErrorBody['details']) {
    super(message);
    this.name = 'ManagerError';
    this.statusCode = statusCode;
    this.body = { key, message, arguments: args, ...(details ? { details } : {}) };
  }
}

/** Builds the body for an error key and message. */
export function errorBody(key: string, message: string, args: string[] = []): ManagerErrorBody {
  return { key, message, arguments: args };
}
