#include "dossier_curl.h"

#include <dlfcn.h>
#include <sys/socket.h>
#include <netinet/in.h>

CURLcode dossier_curl_global_init(void) {
    /* OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL), looked up at run time so that
     * the shim needs no OpenSSL headers and still works with other TLS backends. */
    typedef int (*openssl_init_fn)(uint64_t, const void *);
    openssl_init_fn init = (openssl_init_fn)dlsym(RTLD_DEFAULT, "OPENSSL_init_crypto");
    if (init != NULL) {
        const uint64_t no_atexit = 0x00080000L;
        init(no_atexit, NULL);
    }
    return curl_global_init(CURL_GLOBAL_ALL);
}

CURLcode dossier_easy_setopt_long(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode dossier_easy_setopt_offset(CURL *easy, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode dossier_easy_setopt_string(CURL *easy, CURLoption option, const char *value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode dossier_easy_setopt_pointer(CURL *easy, CURLoption option, void *value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode dossier_easy_setopt_slist(CURL *easy, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode dossier_easy_set_write_callback(CURL *easy, dossier_data_callback callback, void *context) {
    CURLcode code = curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, callback);
    return code != CURLE_OK ? code : curl_easy_setopt(easy, CURLOPT_WRITEDATA, context);
}

CURLcode dossier_easy_set_header_callback(CURL *easy, dossier_data_callback callback, void *context) {
    CURLcode code = curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, callback);
    return code != CURLE_OK ? code : curl_easy_setopt(easy, CURLOPT_HEADERDATA, context);
}

CURLcode dossier_easy_set_progress_callback(CURL *easy, dossier_progress_callback callback, void *context) {
    CURLcode code = curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, callback);
    if (code == CURLE_OK) code = curl_easy_setopt(easy, CURLOPT_XFERINFODATA, context);
    return code != CURLE_OK ? code : curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
}

CURLcode dossier_easy_set_open_socket_callback(CURL *easy, curl_opensocket_callback callback, void *context) {
    CURLcode code = curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, callback);
    return code != CURLE_OK ? code : curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, context);
}

int dossier_sockaddr_bytes(const struct curl_sockaddr *address, const uint8_t **bytes) {
    if (address->family == AF_INET) {
        *bytes = (const uint8_t *)&((const struct sockaddr_in *)&address->addr)->sin_addr;
        return 4;
    }
    if (address->family == AF_INET6) {
        *bytes = (const uint8_t *)&((const struct sockaddr_in6 *)&address->addr)->sin6_addr;
        return 16;
    }
    return 0;
}

curl_socket_t dossier_open_socket(const struct curl_sockaddr *address) {
    return socket(address->family, address->socktype, address->protocol);
}

int dossier_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result) {
    int remaining = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &remaining)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *easy = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

CURLcode dossier_easy_getinfo_long(CURL *easy, CURLINFO info, long *value) {
    return curl_easy_getinfo(easy, info, value);
}

CURLcode dossier_easy_getinfo_offset(CURL *easy, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(easy, info, value);
}

CURLcode dossier_easy_getinfo_string(CURL *easy, CURLINFO info, const char **value) {
    char *text = NULL;
    CURLcode code = curl_easy_getinfo(easy, info, &text);
    *value = text;
    return code;
}

CURLMcode dossier_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

dossier_curl_build dossier_curl_build_info(void) {
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    dossier_curl_build build = {0};
    build.version = info->version;
    build.ssl_version = info->ssl_version;
#if LIBCURL_VERSION_NUM >= 0x074600 /* 7.70.0: cainfo and capath */
    if (info->age >= CURLVERSION_NINTH) {
        build.cainfo = info->cainfo;
        build.capath = info->capath;
    }
#endif
    build.http2 = (info->features & CURL_VERSION_HTTP2) != 0;
    build.brotli = (info->features & CURL_VERSION_BROTLI) != 0;
#ifdef CURL_VERSION_ZSTD
    build.zstd = (info->features & CURL_VERSION_ZSTD) != 0;
#endif
    return build;
}
