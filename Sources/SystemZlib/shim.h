// zlib's checksum, for verifying a workbook's parts as they are unzipped: ZIPFoundation
// links the same library but, on Linux, checks CRC-32 with its own byte loop.
#include <zlib.h>
