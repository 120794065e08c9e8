#ifndef CORROBORATE_CLIBXML2_SHIM_H
#define CORROBORATE_CLIBXML2_SHIM_H

// libxml2 on Debian 12 is built against ICU 72; Foundation bundles ICU 76. Including
// libxml2's ICU glue next to Foundation fails with "UErrorCode has different definitions".
// We never use libxml2's ICU encoders (the parser transcodes with iconv itself), so the
// flag is dropped before the parser headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>

#endif
