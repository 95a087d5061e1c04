/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_BANNED_H
#define MIGCTL_BANNED_H

/*
 * Functions that are easy to misuse: unbounded copies and unchecked number parsing. Including
 * this header last turns any use into a compile error that names the function. Use snprintf,
 * mig_strbuf and mig_parse_uint (parse_util.h) instead.
 */

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef gets
#define gets(x) BANNED(gets)

#endif
