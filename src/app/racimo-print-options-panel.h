/* racimo-print-options-panel.h: the choices of a printout, for the PDF
 * export's dialog and the print dialog's Matrix tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "racimo-core.h"

G_BEGIN_DECLS

#define RACIMO_TYPE_PRINT_OPTIONS_PANEL (racimo_print_options_panel_get_type ())

G_DECLARE_FINAL_TYPE (RacimoPrintOptionsPanel, racimo_print_options_panel,
                      RACIMO, PRINT_OPTIONS_PANEL, GtkBox)

RacimoPrintOptionsPanel *racimo_print_options_panel_new      (void);
void                     racimo_print_options_panel_set      (RacimoPrintOptionsPanel       *self,
                                                              RacimoProject                 *project,
                                                              const RacimoPaginationOptions *options,
                                                              gboolean                       with_paper);
void                     racimo_print_options_panel_set_grid (RacimoPrintOptionsPanel       *self,
                                                              char * const                  *shown,
                                                              char * const                  *collapsed);
void                     racimo_print_options_panel_apply    (RacimoPrintOptionsPanel       *self,
                                                              RacimoPaginationOptions       *options);

G_END_DECLS
