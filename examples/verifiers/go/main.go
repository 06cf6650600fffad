// Command verify checks an opengid group ticket in Go with golang-jwt v4
// (Debian: golang-github-golang-jwt-jwt-dev).
//
//	usage: verify JWKS_URL APP_ID TICKET
//
// It prints the ticket's claims as JSON and exits 0, or prints why it was
// refused and exits 1. Only the resolver's public keys are fetched
// (GET /.well-known/jwks.json); an API would cache them and fetch again for
// an unknown kid.
package main

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"time"

	jwt "github.com/golang-jwt/jwt"
)

type jwk struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	Kid string `json:"kid"`
	X   string `json:"x"`
	Y   string `json:"y"`
}

// fetchKeys reads the JWKS into public keys by kid.
func fetchKeys(url string) (map[string]interface{}, error) {
	client := http.Client{Timeout: 5 * time.Second}
	response, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer response.Body.Close()
	if response.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("jwks: HTTP %d", response.StatusCode)
	}
	var set struct{ Keys []jwk }
	if err := json.NewDecoder(response.Body).Decode(&set); err != nil {
		return nil, err
	}
	keys := map[string]interface{}{}
	for _, key := range set.Keys {
		x, err := base64.RawURLEncoding.DecodeString(key.X)
		if err != nil {
			return nil, err
		}
		switch {
		case key.Kty == "OKP" && key.Crv == "Ed25519":
			keys[key.Kid] = ed25519.PublicKey(x)
		case key.Kty == "EC" && key.Crv == "P-256":
			y, err := base64.RawURLEncoding.DecodeString(key.Y)
			if err != nil {
				return nil, err
			}
			keys[key.Kid] = &ecdsa.PublicKey{Curve: elliptic.P256(), X: new(big.Int).SetBytes(x), Y: new(big.Int).SetBytes(y)}
		}
	}
	return keys, nil
}

func verify(keys map[string]interface{}, appID, ticket string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	// Only the resolver's asymmetric algorithms: "none" and HS256 keyed with a public key never pass.
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"EdDSA", "ES256"}))
	_, err := parser.ParseWithClaims(ticket, claims, func(token *jwt.Token) (interface{}, error) {
		kid, _ := token.Header["kid"].(string)
		key, ok := keys[kid]
		if !ok {
			return nil, errors.New("unknown kid")
		}
		return key, nil
	})
	if err != nil {
		return nil, err
	}
	// Parse checks exp when present; an opengid ticket always has it, and iss and aud.
	if _, ok := claims["exp"]; !ok {
		return nil, errors.New("no exp")
	}
	if !claims.VerifyIssuer("opengid", true) || !claims.VerifyAudience(appID, true) {
		return nil, errors.New("issued by someone else or for another app")
	}
	// A single chat's ticket (rty "single") names its room in rid and has no gid: an
	// API that serves groups refuses it, as Node's guards do without allowSingleChat.
	if gid, ok := claims["gid"].(string); !ok || gid == "" || (claims["rty"] != nil && claims["rty"] != "group") {
		return nil, errors.New("not a group's ticket (a single chat's?)")
	}
	return claims, nil
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: verify JWKS_URL APP_ID TICKET")
		os.Exit(2)
	}
	keys, err := fetchKeys(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "keys unavailable:", err)
		os.Exit(3)
	}
	claims, err := verify(keys, os.Args[2], os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, "refused:", err)
		os.Exit(1)
	}
	// gid is the group: serve group-scoped data only for it.
	claims["openid"], claims["opengid"] = claims["sub"], claims["gid"]
	out, _ := json.Marshal(claims)
	fmt.Println(string(out))
}
