# Dev tokens: RS256 JWTs signed with a key pair generated on first use into the state folder.
# The gateway trusts the public half in dev and test (JWT_PUBLIC_KEY_LOCATION).

KEYS_DIR="$STATE_DIR/keys"
: "${JWT_ISSUER:=https://integrity.local/dev}"
: "${TOKEN_TTL_SECONDS:=28800}"

ensure_dev_keys() {
  [ -s "$KEYS_DIR/dev-private.pem" ] && [ -s "$KEYS_DIR/dev-public.pem" ] && return
  command -v openssl >/dev/null || die "openssl is needed to generate the dev key pair (apt-get install openssl)"
  mkdir -p "$KEYS_DIR"
  chmod 700 "$KEYS_DIR"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS_DIR/dev-private.pem" 2>/dev/null
  openssl pkey -in "$KEYS_DIR/dev-private.pem" -pubout -out "$KEYS_DIR/dev-public.pem"
  chmod 600 "$KEYS_DIR/dev-private.pem"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

cmd_token() {
  local role="${1:-}" account="${2:-}" subject
  case "$role" in
    ingest | moderator | platform) subject="${account:-dev-$role}" ;;
    user)
      [ -n "$account" ] || die "a user token needs the account id: ./suite token user ACCOUNT_ID"
      subject="$account" ;;
    *) die "ROLE must be ingest, moderator, platform or user: ./suite token ROLE [ACCOUNT_ID]" ;;
  esac
  [[ "$subject" =~ ^[A-Za-z0-9._-]{1,64}$ ]] || die "account id must be 1..64 of [A-Za-z0-9._-]"
  ensure_dev_keys
  local now header payload signature
  now="$(date +%s)"
  header="$(printf '{"alg":"RS256","typ":"JWT","kid":"dev"}' | b64url)"
  payload="$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}' \
    "$JWT_ISSUER" "$subject" "$subject" "$role" "$now" "$((now + TOKEN_TTL_SECONDS))" "$(openssl rand -hex 12)" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$KEYS_DIR/dev-private.pem" -binary | b64url)"
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}
