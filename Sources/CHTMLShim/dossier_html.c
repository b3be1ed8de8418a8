#include "dossier_html.h"
#include <libxml/xmlversion.h>
int dossier_html_version(void) { return LIBXML_VERSION; }
