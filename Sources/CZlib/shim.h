#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

#include <zlib.h>

// inflateInit is a macro, which Swift cannot call; this wraps it.
static inline int czlib_inflate_init(z_streamp stream) {
  return inflateInit(stream);
}

#endif
