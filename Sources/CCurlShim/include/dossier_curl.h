#ifndef DOSSIER_CURL_H
#define DOSSIER_CURL_H

/* Typed wrappers for libcurl's variadic calls and macros, so Swift never calls a
 * C variadic function. Nothing here holds state: Swift owns every handle. */

#include <curl/curl.h>
#include <stdint.h>

/* Initialises libcurl once per process. Asks OpenSSL (when libcurl uses it) not to
 * register its atexit handler, which would tear OpenSSL down under a live transfer. */
CURLcode dossier_curl_global_init(void);

CURLcode dossier_easy_setopt_long(CURL *easy, CURLoption option, long value);
CURLcode dossier_easy_setopt_offset(CURL *easy, CURLoption option, curl_off_t value);
CURLcode dossier_easy_setopt_string(CURL *easy, CURLoption option, const char *value);
CURLcode dossier_easy_setopt_pointer(CURL *easy, CURLoption option, void *value);
CURLcode dossier_easy_setopt_slist(CURL *easy, CURLoption option, struct curl_slist *value);

typedef size_t (*dossier_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*dossier_progress_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                         curl_off_t upload_total, curl_off_t upload_now);

CURLcode dossier_easy_set_write_callback(CURL *easy, dossier_data_callback callback, void *context);
CURLcode dossier_easy_set_header_callback(CURL *easy, dossier_data_callback callback, void *context);
CURLcode dossier_easy_set_progress_callback(CURL *easy, dossier_progress_callback callback, void *context);
/* Installs an open-socket callback, called before every connect with the resolved address,
 * so a check there holds for every address a name resolves to. */
CURLcode dossier_easy_set_open_socket_callback(CURL *easy, curl_opensocket_callback callback, void *context);

/* The raw bytes of a resolved address (4 for IPv4, 16 for IPv6); returns the length, or 0
 * for another family. */
int dossier_sockaddr_bytes(const struct curl_sockaddr *address, const uint8_t **bytes);
/* Opens the socket libcurl asked for, as libcurl itself would. */
curl_socket_t dossier_open_socket(const struct curl_sockaddr *address);

CURLcode dossier_easy_getinfo_long(CURL *easy, CURLINFO info, long *value);
CURLcode dossier_easy_getinfo_offset(CURL *easy, CURLINFO info, curl_off_t *value);
CURLcode dossier_easy_getinfo_string(CURL *easy, CURLINFO info, const char **value);

CURLMcode dossier_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* Reads the next finished transfer from the multi handle. Returns 1 and fills the
 * out-parameters when one finished, 0 when none is left. */
int dossier_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result);

/* What the libcurl loaded at run time was built with (curl_version_info), for `dossier doctor`.
 * The strings are libcurl's own and live as long as the process; NULL when libcurl does not say. */
typedef struct dossier_curl_build {
    const char *version;     /* e.g. "7.88.1" */
    const char *ssl_version; /* the TLS backend, e.g. "OpenSSL/3.0.15"; NULL without TLS */
    const char *cainfo;      /* the default CA bundle file (libcurl 7.70 and later) */
    const char *capath;      /* the default CA certificate directory (libcurl 7.70 and later) */
    int http2;               /* 1 when built with HTTP/2 */
    int brotli;              /* 1 when it can decode brotli */
    int zstd;                /* 1 when it can decode zstd */
} dossier_curl_build;

dossier_curl_build dossier_curl_build_info(void);

/* Write-callback return value that makes libcurl abort the transfer. */
static const size_t dossier_write_abort = 0;
/* Size of the buffer CURLOPT_ERRORBUFFER writes into. */
static const int dossier_error_buffer_size = CURL_ERROR_SIZE;
static const long dossier_http_version_2tls = CURL_HTTP_VERSION_2TLS;
static const long dossier_pipe_multiplex = CURLPIPE_MULTIPLEX;
static const curl_socket_t dossier_socket_bad = CURL_SOCKET_BAD;

#endif
