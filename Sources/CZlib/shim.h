// zlib, for gzip-compressed files that are not compressed in transit (sitemap.xml.gz).
#include <zlib.h>
