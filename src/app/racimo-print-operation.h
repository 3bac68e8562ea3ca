/* racimo-print-operation.h: printing the matrix through core's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PRINT_OPERATION (racimo_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPrintOperation, racimo_print_operation,
                      RACIMO, PRINT_OPERATION, GtkPrintOperation)

RacimoPrintOperation      *racimo_print_operation_new         (RacimoProject             *project,
                                                               const RacimoPaginationOptions *options);
const RacimoPaginationOptions *racimo_print_operation_get_options (RacimoPrintOperation      *self);
void                       racimo_print_operation_set_grid    (RacimoPrintOperation      *self,
                                                               char * const              *shown_roles,
                                                               char * const              *collapsed);

void                       racimo_print_operation_apply_page_setup
                                                              (RacimoPaginationOptions       *options,
                                                               GtkPageSetup              *setup);
GtkPageSetup              *racimo_print_operation_get_used_page_setup
                                                              (RacimoPrintOperation      *self);
const char                *racimo_print_operation_get_fit_notice
                                                              (RacimoPrintOperation      *self);

G_END_DECLS
