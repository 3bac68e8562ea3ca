/* racimo-window-private.h: what the window's files share, and what the
 * tests read of what the window shows
 *
 * RacimoWindow is written in six files: racimo-window.c coordinates
 * (the project, the actions' enabled state in update_actions ()),
 * racimo-window-files.c opens, saves, reloads and restores drafts,
 * racimo-window-export.c exports and prints, racimo-window-checks.c
 * shows the checks panel, racimo-window-search.c the search bar, and
 * racimo-window-menus.c fills the header bar's menus.  Each
 * installs its own actions from racimo_window_class_init ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "racimo-checks-panel.h"
#include "racimo-compat.h"
#include "racimo-print-operation.h"
#include "racimo-project-dialog.h"
#include "racimo-repair-banner.h"
#include "racimo-start-page.h"
#include "racimo-text-line.h"
#include "racimo-window.h"

G_BEGIN_DECLS

/* What to do once unsaved changes are saved or discarded */
typedef struct _RacimoWindowCompare RacimoWindowCompare;

typedef enum
{
  RACIMO_WINDOW_PENDING_NONE,
  RACIMO_WINDOW_PENDING_CLOSE,
  RACIMO_WINDOW_PENDING_OPEN,
} RacimoWindowPending;

struct _RacimoWindow
{
  AdwApplicationWindow parent_instance;

  RacimoDocument *document;
  /* The document's project, as the matrix shows it */
  RacimoProject  *project;
  RacimoChecks   *checks;
  /* Which activities the matrix shows, as the search bar sets it */
  RacimoFilter   *filter;
  GBinding       *only_problems_binding;
  GBinding       *hide_not_applicable_binding;
  gulong          role_handlers[4];
  gulong          person_handlers[4];
  gboolean        syncing_search;
  /* The checks panel: shown or not, and while the window moves the cursor
   * for it, how the role details follow */
  gboolean        show_checks;
  /* What the user last chose with the panel's button (the setting), and
   * how many findings the user has seen: the panel opens by itself, when
   * the user wants it, for findings that are news */
  gboolean        checks_choice;
  guint           seen_findings;
  gboolean        narrow;  /* the panel slides over the matrix */
  gboolean        moving_cursor;
  gboolean        keep_role;
  /* Whether the user was told that a letter typed was left out, each kind
   * once in a window's life */
  gboolean        told_not_code;
  gboolean        told_phase_codes;
  /* The scheme the user chose, while asked how to carry the codes over */
  char           *pending_scheme;
  gboolean        restoring_names_width;
  guint           names_width_save;
  /* The file being opened, and the work to cancel when another is asked
   * for or the window closes. */
  GFile          *loading_file;
  GCancellable   *loading;
  GCancellable   *cancellable;
  GSettings      *settings;
  /* What the window shows the user right now, weak: for the tests. */
  GtkWidget      *alert;
  AdwToast       *toast;
  /* Files being written: saves and exports. */
  guint           writing;
  /* What to do once unsaved changes are saved or discarded; set while
   * the user is asked, or the save is under way. */
  RacimoWindowPending pending;
  GFile          *pending_file;
  /* The file that Save As would replace, while the user is asked */
  GFile          *replace_file;
  gboolean        close_confirmed;
  gboolean        banner_dismissed;
  /* A crash's draft, while the user is asked whether to restore it */
  RacimoDraft    *offered_draft;
  /* The choices of the last CSV export, offered again, and the dialog
   * that asks for them while it is shown (weak) */
  RacimoCsvDelimiter csv_delimiter;
  gboolean           csv_bom;
  GtkWidget         *csv_dialog;
  GtkWidget         *pdf_dialog;    /* a RacimoPdfExportDialog, while shown (weak) */
  GtkWidget         *import_report; /* a RacimoImportReport, before a sheet opens */
  /* The project's properties and people, while shown (weak) */
  GtkWidget         *project_dialog;
  /* Printing and PDF: the options of the print dialog's Matrix tab, the
   * operation while its dialog is open, the notice of a long export. */
  RacimoPaginationOptions  *layout_options;
  RacimoPrintOperation *printing;
  AdwToast             *progress_toast;
  guint                 progress_id;
  char                 *exporting_name;
  gulong          history_handler;
  gulong          title_handler;
  gulong          scheme_handler;
  gulong          active_handler;
  /* Compare mode, while the window compares (racimo-window-compare.c) */
  RacimoWindowCompare *compare;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *open_button;
  GtkWidget        *undo_button;
  GtkWidget        *redo_button;
  char             *undo_description;
  char             *redo_description;
  GtkWidget        *add_button;
  GtkWidget        *main_menu_button;
  GtkWidget        *empty_matrix;
  GtkWidget        *content_box;
  GtkWidget        *matrix_overlay;
  GtkRevealer      *banner;
  GtkLabel         *banner_label;
  GtkWidget        *reload_button;
  RacimoRepairBanner *repair_banner;
  /* The repaired copy the alert of a refused file offers */
  RacimoDocument   *offered_repair;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  RacimoStartPage  *start_page;
  GtkLabel         *loading_label;
  GtkSpinner       *loading_spinner;
  RacimoMatrixView *matrix_view;
  GMenu            *template_menu;
  GMenu            *scheme_menu;
  GMenu            *compare_drafts_menu;  /* the drafts "Compare With" offers */
  GtkWidget        *checks_button;
  GtkWidget        *errors_icon;
  RacimoTextLine   *errors_label;
  GtkWidget        *warnings_icon;
  RacimoTextLine   *warnings_label;
  GtkWidget        *no_problems_icon;
  GtkWidget        *no_problems_label;
  GtkWidget        *search_button;
  GtkSearchBar     *search_bar;
  GtkWidget        *search_entry;
  GtkWidget        *only_problems_button;
  GtkWidget        *hide_not_applicable_button;
  GtkDropDown      *role_dropdown;
  GtkStringList    *role_names;
  GtkDropDown      *person_dropdown;
  GtkStringList    *person_names;
  GtkLabel         *shown_label;
  GtkRevealer      *checks_revealer;
  RacimoChecksPanel *checks_panel;
};

/* racimo-window.c: what every part of the window uses */
void        _racimo_window_update_actions    (RacimoWindow              *self);
void        _racimo_window_update_title      (RacimoWindow              *self);
void        _racimo_window_show_start_page   (RacimoWindow              *self);
GtkWidget  *_racimo_window_show_alert        (RacimoWindow              *self,
                                              const char                *heading,
                                              const char                *body,
                                              const RacimoAlertResponse *responses,
                                              guint                      n_responses,
                                              const char                *default_response,
                                              const char                *close_response,
                                              RacimoAlertFunc            callback);
void        _racimo_window_show_error        (RacimoWindow              *self,
                                              const char                *heading,
                                              const char                *body);
void        _racimo_window_show_toast        (RacimoWindow              *self,
                                              AdwToast                  *toast);
char       *_racimo_window_describe_write_error (GFile                  *file,
                                                 const GError           *error);
char       *_racimo_window_heading_name      (const char                *basename);
void        _racimo_window_go_to_item        (RacimoWindow              *self,
                                              RacimoItem                *item);

/* A file being written for the window (save as, export): what its
 * callback needs.  Holds a reference on both. */
typedef struct
{
  RacimoWindow *window;
  GFile        *file;
} RacimoWindowWrite;

RacimoWindowWrite *_racimo_window_write_new  (RacimoWindow      *self,
                                              GFile             *file);
void               _racimo_window_write_free (RacimoWindowWrite *write);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RacimoWindowWrite, _racimo_window_write_free)

/* racimo-window-files.c: open, save, unsaved changes, reload, drafts */
void        _racimo_window_files_class_init  (GtkWidgetClass            *widget_class);
void        _racimo_window_files_init        (RacimoWindow              *self);
void        _racimo_window_files_dispose     (RacimoWindow              *self);
gboolean    _racimo_window_files_close_request (RacimoWindow            *self);
void        _racimo_window_update_banner     (RacimoWindow              *self);
void        _racimo_window_update_repair_banner (RacimoWindow           *self);
gboolean    _racimo_window_can_change_mapping (RacimoWindow             *self);

/* racimo-window-export.c: CSV, PDF and printing */
void        _racimo_window_export_class_init (GtkWidgetClass            *widget_class);
void        _racimo_window_export_dispose    (RacimoWindow              *self);
GFile      *_racimo_window_add_missing_extension (GFile             *file,
                                                  const char        *extension);
void        _racimo_window_show_exported     (RacimoWindow              *self,
                                              GFile                     *file);
void        _racimo_window_show_export_error (RacimoWindow              *self,
                                              GFile                     *file,
                                              const GError              *error);
gboolean    _racimo_window_begin_pdf_export (RacimoWindow              *self,
                                             GTask                     *task,
                                             const char                *path);
void        _racimo_window_end_export        (RacimoWindow              *self,
                                              GFile                     *file,
                                              gboolean                   done,
                                              const GError              *error);
void        _racimo_window_show_fit_notice   (RacimoWindow              *self,
                                              const char                *notice);

/* racimo-window-person-pages.c: one page per person, as a PDF */
void        _racimo_window_person_pages_class_init (GtkWidgetClass      *widget_class);
void        _racimo_window_export_person_pages (RacimoWindow            *self,
                                                RacimoPerson            *person,
                                                GFile                   *file);

/* racimo-window-checks.c: the checks panel, its button, going to findings */
/* Narrower than this, the panel slides over the matrix */
#define NARROW_WIDTH 860

void
_racimo_window_checks_class_init (GtkWidgetClass *widget_class);
RacimoProjectDialog *
_racimo_window_ensure_project_dialog (RacimoWindow *self);
void
_racimo_window_focus_grid_if_lost (RacimoWindow *self,
                                   GtkWidget    *hidden);
void
_racimo_window_on_checks_revealed (RacimoWindow *self);
gboolean
_racimo_window_on_checks_tooltip (RacimoWindow *self,
                                  int           x,
                                  int           y,
                                  gboolean      keyboard_mode,
                                  GtkTooltip   *tooltip);
void
_racimo_window_on_narrow (GtkWidget *window,
                          gboolean   narrow);
void
_racimo_window_set_show_checks (RacimoWindow *self,
                                gboolean      show);
void
_racimo_window_show_person (RacimoWindow *self,
                            RacimoPerson *person);
void
_racimo_window_sync_role_details (RacimoWindow *self);
void
_racimo_window_update_checks_button (RacimoWindow *self);

/* racimo-window-menus.c: the header bar's templates and schemes */
void
_racimo_window_menus_class_init (GtkWidgetClass *widget_class);
void
_racimo_window_fill_menus (RacimoWindow *self);
void
_racimo_window_switch_scheme (RacimoWindow *self,
                              const char   *id);

/* racimo-window-search.c: the search bar */
void
_racimo_window_search_class_init (GtkWidgetClass *widget_class);
void
_racimo_window_fill_person_names (RacimoWindow *self);
void
_racimo_window_fill_role_names (RacimoWindow *self);
void
_racimo_window_on_filter_role (RacimoWindow *self);
void
_racimo_window_on_filter_text (RacimoWindow *self);
void
_racimo_window_on_role_changed (RacimoWindow *self,
                                RacimoItem   *item);
void
_racimo_window_update_empty_matrix (RacimoWindow *self);
void
_racimo_window_update_shown_label (RacimoWindow *self);
/* racimo-window-compare.c: compare mode */
void        _racimo_window_compare_class_init (GtkWidgetClass           *widget_class);
void        _racimo_window_compare_update_actions (RacimoWindow         *self);
void        _racimo_window_compare_start     (RacimoWindow              *self,
                                              RacimoProject             *theirs,
                                              const char                *name);
void        _racimo_window_compare_with_file (RacimoWindow              *self,
                                              GFile                     *file);
void        _racimo_window_compare_leave     (RacimoWindow              *self);
void        _racimo_window_compare_print_options (RacimoWindow            *self,
                                                  RacimoPaginationOptions *options);

/* For the tests: what the window shows the user */

/* The changes listed in compare mode (RacimoChange), or NULL */
GPtrArray *_racimo_window_get_changes (RacimoWindow *self);
GtkWidget *_racimo_window_get_compare_panel (RacimoWindow *self);
/* The alert shown over the window, or NULL; answer it with
 * racimo_compat_alert_respond(). */
GtkWidget *_racimo_window_get_alert (RacimoWindow *self);
/* The dialog of a CSV export's options while it is shown, or NULL */
GtkWidget *_racimo_window_get_csv_export_dialog (RacimoWindow *self);
/* The dialog of a PDF export's options while it is shown, or NULL */
GtkWidget *_racimo_window_get_pdf_export_dialog (RacimoWindow *self);
GtkWidget *_racimo_window_get_import_report (RacimoWindow *self);
/* The last notice shown, while it is shown. */
AdwToast  *_racimo_window_get_toast (RacimoWindow *self);
/* The banner of a repaired copy, shown or not. */
RacimoRepairBanner *_racimo_window_get_repair_banner (RacimoWindow *self);
/* The text of the banner above the matrix, or NULL when it is hidden. */
const char *_racimo_window_get_banner (RacimoWindow *self);
/* The checks panel beside the matrix, shown or not. */
RacimoChecksPanel *_racimo_window_get_checks_panel (RacimoWindow *self);
/* What the search bar sets, or NULL without a project. */
RacimoFilter *_racimo_window_get_filter (RacimoWindow *self);

G_END_DECLS

