import { instanceOfBrand } from '../shared/brand'

const GROUP_TICKET_ERROR: unique symbol = Symbol.for('opengid.GroupTicketError')

/** Why a group ticket was refused. Stable: programs branch on it. */
export type GroupTicketErrorCode =
  | 'MISSING'
  | 'MALFORMED'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'WRONG_APP'
  /** The `jwks` URL could not be fetched or read: the ticket was not checked. */
  | 'KEYS_UNAVAILABLE'

const MESSAGES: Record<GroupTicketErrorCode, string> = {
  MISSING: 'no group ticket: send the ticket of the opengid answer as Authorization: Bearer <ticket>',
  MALFORMED: 'the group ticket is not a well-formed opengid ticket: resolve the group again for a new one',
  BAD_SIGNATURE:
    "the group ticket is not signed with this server's ticket secret or one of its ticket keys: resolve the group again for a new one",
  EXPIRED: 'the group ticket has expired: resolve the group again for a new one',
  WRONG_APP: "the group ticket was issued for another Mini Program than this server's appId",
  KEYS_UNAVAILABLE: 'the ticket keys (jwks) could not be fetched or read: the ticket was not checked; try again later',
}

/**
 * A group ticket that does not prove anything here. The message says what to
 * do; it never quotes the ticket or a secret.
 */
export class GroupTicketError extends Error {
  /** True for a GroupTicketError of any copy of this package (CJS, ESM, another version). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return instanceOfBrand(this, GroupTicketError, GROUP_TICKET_ERROR, value)
  }

  readonly code: GroupTicketErrorCode

  constructor(code: GroupTicketErrorCode, message: string = MESSAGES[code]) {
    super(message)
    this.name = 'GroupTicketError'
    this.code = code
  }

  get [GROUP_TICKET_ERROR](): true {
    return true
  }
}
