// OpenSSL's libcrypto (already loaded with libcurl): the SHA-256 of page bodies and summary inputs.
#include <openssl/sha.h>
