# SPDX-License-Identifier: Apache-2.0
# Warning and sanitizer flags shared by every target.

set(MIGCTL_WARNINGS -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
	-Wpointer-arith -Wformat=2 -Wvla -Wundef -Wcast-align -Wwrite-strings
	-Wno-unused-parameter)
if(MIGCTL_WERROR)
	list(APPEND MIGCTL_WARNINGS -Werror)
endif()
add_compile_options(${MIGCTL_WARNINGS})

if(MIGCTL_SANITIZE)
	add_compile_options(-fsanitize=${MIGCTL_SANITIZE} -fno-omit-frame-pointer
		-fno-sanitize-recover=all)
	add_link_options(-fsanitize=${MIGCTL_SANITIZE})
endif()
