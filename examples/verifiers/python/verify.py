#!/usr/bin/env python3
"""Verify an opengid group ticket in Python with PyJWT (Debian: python3-jwt).

usage: verify.py JWKS_URL APP_ID TICKET
Prints the ticket's claims as JSON and exits 0, or prints why it was refused
and exits 1. The resolver's private key never leaves it: only its public keys
(GET /.well-known/jwks.json) are fetched, and cached by PyJWKClient.
"""
import json
import sys

import jwt

# Only the resolver's asymmetric algorithms: "none" and HS256 (an HMAC keyed
# with the public key) must never be accepted.
ALGORITHMS = ["EdDSA", "ES256"]


def verify(jwks: jwt.PyJWKClient, app_id: str, ticket: str) -> dict:
    # Picks the key by the ticket's kid; an unknown kid fetches the set again (a rotation).
    key = jwks.get_signing_key_from_jwt(ticket)
    claims = jwt.decode(
        ticket,
        key.key,
        algorithms=ALGORITHMS,
        audience=app_id,
        issuer="opengid",
        options={"require": ["iss", "aud", "sub", "iat", "exp"]},
    )
    # A single chat's ticket (rty "single") names its room in rid and has no gid: an
    # API that serves groups refuses it, as Node's guards do without allowSingleChat.
    if claims.get("rty", "group") != "group" or not isinstance(claims.get("gid"), str):
        raise jwt.InvalidTokenError("not a group's ticket (a single chat's?)")
    return claims


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    jwks_url, app_id, ticket = sys.argv[1:]
    try:
        claims = verify(jwt.PyJWKClient(jwks_url), app_id, ticket)
    except (jwt.PyJWTError, jwt.PyJWKClientError) as error:
        print(f"refused: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    # gid is the group: serve group-scoped data only for it.
    print(json.dumps({"openid": claims["sub"], "opengid": claims["gid"], **claims}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
