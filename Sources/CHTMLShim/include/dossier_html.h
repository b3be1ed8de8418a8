#ifndef DOSSIER_HTML_H
#define DOSSIER_HTML_H
/* Placeholder: the libxml2 shim is written by the extraction work. */
int dossier_html_version(void);
#endif
