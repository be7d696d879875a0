<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>About BranchGuard</source>
        <translation>About BranchGuard</translation>
    </message>
    <message>
        <source>Emergency playbooks, live incident response, drills and inspections for a bank branch.</source>
        <translation>Emergency playbooks, live incident response, drills and inspections for a bank branch.</translation>
    </message>
    <message>
        <source>This installation</source>
        <translation>This installation</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>Schema revision</translation>
    </message>
    <message>
        <source>Report font</source>
        <translation>Report font</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>no licence declared in this build</source>
        <translation>no licence declared in this build</translation>
    </message>
    <message>
        <source>BranchGuard: %1. Built with %2.</source>
        <translation>BranchGuard: %1. Built with %2.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>embedded in every PDF</source>
        <translation>embedded in every PDF</translation>
    </message>
</context>
<context>
    <name>ActionsDialog</name>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
</context>
<context>
    <name>ActionsTable</name>
    <message>
        <source>Corrective action</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
</context>
<context>
    <name>AlreadyOpenQuestion</name>
    <message>
        <source>Already open</source>
        <translation>Already open</translation>
    </message>
    <message>
        <source>%1 is already open as incident #%2, started by %3 at %4.</source>
        <translation>%1 is already open as incident #%2, started by %3 at %4.</translation>
    </message>
    <message>
        <source>Log what happens in that incident. Start another only for a second, separate event of the same kind (a second ATM, another floor).</source>
        <translation>Log what happens in that incident. Start another only for a second, separate event of the same kind (a second ATM, another floor).</translation>
    </message>
    <message>
        <source>Start another anyway</source>
        <translation>Start another anyway</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend item %1</source>
        <translation>Amend item %1</translation>
    </message>
    <message>
        <source>Item %1: %2
Submitted as: %3</source>
        <translation>Item %1: %2
Submitted as: %3</translation>
    </message>
    <message>
        <source>Add a photo…</source>
        <translation>Add a photo…</translation>
    </message>
    <message>
        <source>Correct result</source>
        <translation>Correct result</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Why is it corrected?</source>
        <translation>Why is it corrected?</translation>
    </message>
    <message>
        <source>Add a photo</source>
        <translation>Add a photo</translation>
    </message>
</context>
<context>
    <name>AnchorsPanel</name>
    <message>
        <source>Choose the anchor folder</source>
        <translation>Choose the anchor folder</translation>
    </message>
    <message>
        <source>Checking %1 and saving…</source>
        <translation>Checking %1 and saving…</translation>
    </message>
    <message>
        <source>Anchors go to this folder from now on.</source>
        <translation>Anchors go to this folder from now on.</translation>
    </message>
    <message>
        <source>Signed anchors</source>
        <translation>Signed anchors</translation>
    </message>
    <message>
        <source>Signing key fingerprint</source>
        <translation>Signing key fingerprint</translation>
    </message>
    <message>
        <source>Anchor folder</source>
        <translation>Anchor folder</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Every report prints the ledger head and is signed with this PC's key; the signed head is added to an anchor file in this folder. Choose a USB stick or a network share apart from the database: later, branchguard verify --anchor proves the data still holds every anchored state. Compare the fingerprint with the one on a report.</source>
        <translation>Every report prints the ledger head and is signed with this PC's key; the signed head is added to an anchor file in this folder. Choose a USB stick or a network share apart from the database: later, branchguard verify --anchor proves the data still holds every anchored state. Compare the fingerprint with the one on a report.</translation>
    </message>
    <message>
        <source>Only the safety lead can choose the anchor folder.</source>
        <translation>Only the safety lead can choose the anchor folder.</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Attach files to the plan: a floor plan, a wiring diagram, a scanned notice</source>
        <translation>Attach files to the plan: a floor plan, a wiring diagram, a scanned notice</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Attach files to the plan</source>
        <translation>Attach files to the plan</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx);;All files (*)</source>
        <translation>Documents and images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.doc *.docx);;All files (*)</translation>
    </message>
    <message>
        <source>Copying attachments</source>
        <translation>Copying attachments</translation>
    </message>
    <message>
        <source>No file was attached: %1</source>
        <translation>No file was attached: %1</translation>
    </message>
    <message>
        <source>attach %1</source>
        <translation>attach %1</translation>
    </message>
    <message>
        <source>remove attachment %1</source>
        <translation>remove attachment %1</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Attach a photo or file…</source>
        <translation>Attach a photo or file…</translation>
    </message>
    <message>
        <source>Copied into the data folder with its SHA-256 (Ctrl+Shift+A)</source>
        <translation>Copied into the data folder with its SHA-256 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>No photos or files yet.</source>
        <translation>No photos or files yet.</translation>
    </message>
</context>
<context>
    <name>AuditDiffModel</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Every change made in BranchGuard: who made it, when, and what it changed.</source>
        <translation>Every change made in BranchGuard: who made it, when, and what it changed.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Load the newest events (F5)</source>
        <translation>Load the newest events (F5)</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>Only from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Search the summaries</source>
        <translation>Search the summaries</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>All kinds of change</source>
        <translation>All kinds of change</translation>
    </message>
    <message>
        <source>%1 of %2 events shown; scroll for more</source>
        <translation>%1 of %2 events shown; scroll for more</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>%n event shown</numerusform>
            <numerusform>%n events shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Fields whose value changed are highlighted.</source>
        <translation>Fields whose value changed are highlighted.</translation>
    </message>
    <message>
        <source>Select an event to see what it changed.</source>
        <translation>Select an event to see what it changed.</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1 by %2 at %3: %4.</source>
        <translation>%1 by %2 at %3: %4.</translation>
    </message>
    <message>
        <source>This event recorded no field values. Summary: %1</source>
        <translation>This event recorded no field values. Summary: %1</translation>
    </message>
    <message>
        <source>No event matches these filters.</source>
        <translation>No event matches these filters.</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the events these filters show as Excel or PDF</source>
        <translation>Save the events these filters show as Excel or PDF</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>The report font fell back: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported.</source>
        <translation>
            <numerusform>%n event exported.</numerusform>
            <numerusform>%n events exported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>Verify…</translation>
    </message>
    <message>
        <source>Check every record, incident log and attachment against the ledger and the anchor file</source>
        <translation>Check every record, incident log and attachment against the ledger and the anchor file</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>Backing up to %1…</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <source>A backup is being made already; back up again once it is done.</source>
        <translation>A backup is being made already; back up again once it is done.</translation>
    </message>
    <message>
        <source>Backup cancelled; nothing was written.</source>
        <translation>Backup cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Backup written: %1 (%2 files, %3).</source>
        <translation>Backup written: %1 (%2 files, %3).</translation>
    </message>
    <message>
        <source>Older automatic backups removed: %1.</source>
        <translation>Older automatic backups removed: %1.</translation>
    </message>
    <message>
        <source>The database is PostgreSQL: back it up with pg_dump.</source>
        <translation>The database is PostgreSQL: back it up with pg_dump.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>BranchGuard backups (*.zip)</source>
        <translation>BranchGuard backups (*.zip)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation>Checking the backup</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Made: %1 by BranchGuard %2</source>
        <translation>Made: %1 by BranchGuard %2</translation>
    </message>
    <message>
        <source>Schema: %1</source>
        <translation>Schema: %1</translation>
    </message>
    <message>
        <source>%1 files, %2 attachments, %3 incidents, %4 log entries, %5 drills, %6 inspections</source>
        <translation>%1 files, %2 attachments, %3 incidents, %4 log entries, %5 drills, %6 inspections</translation>
    </message>
    <message>
        <source>Restore this backup? It is done the next time BranchGuard starts, before anything opens the database; the data in place now is moved aside first, not deleted.</source>
        <translation>Restore this backup? It is done the next time BranchGuard starts, before anything opens the database; the data in place now is moved aside first, not deleted.</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>Restore cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>The restore asked for is cancelled; nothing was changed.</source>
        <translation>The restore asked for is cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>%1 will be restored the next time BranchGuard starts: quit it (File → Quit) and start it again.</source>
        <translation>%1 will be restored the next time BranchGuard starts: quit it (File → Quit) and start it again.</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Use the data folder</source>
        <translation>Use the data folder</translation>
    </message>
    <message>
        <source>Keep the newest backup of this many days</source>
        <translation>Keep the newest backup of this many days</translation>
    </message>
    <message>
        <source>Keep the newest backup of this many months</source>
        <translation>Keep the newest backup of this many months</translation>
    </message>
    <message>
        <source>BranchGuard makes one backup a day while it runs: the database, attachments, keys and settings in one checked archive. Choose a USB stick or a network share, so the evidence survives this PC's disk.</source>
        <translation>BranchGuard makes one backup a day while it runs: the database, attachments, keys and settings in one checked archive. Choose a USB stick or a network share, so the evidence survives this PC's disk.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Cancel the restore</source>
        <translation>Cancel the restore</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>MMMM yyyy</source>
        <translation>MMMM yyyy</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>New schedule…</source>
        <translation>New schedule…</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Export .ics…</translation>
    </message>
    <message>
        <source>Nothing falls due in these days. Drills are planned on the Drills page and checklists scheduled on the Inspections page; New schedule… adds any other reminder.</source>
        <translation>Nothing falls due in these days. Drills are planned on the Drills page and checklists scheduled on the Inspections page; New schedule… adds any other reminder.</translation>
    </message>
    <message>
        <source>Nothing falls due in these days.</source>
        <translation>Nothing falls due in these days.</translation>
    </message>
    <message>
        <source>Overdue items are red. Drag an open item to another day to reschedule it.</source>
        <translation>Overdue items are red. Drag an open item to another day to reschedule it.</translation>
    </message>
    <message>
        <source>Overdue items are red.</source>
        <translation>Overdue items are red.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Nothing is due in this window.</source>
        <translation>Nothing is due in this window.</translation>
    </message>
    <message>
        <source>Nothing falls due in these %1 days.</source>
        <translation>Nothing falls due in these %1 days.</translation>
    </message>
    <message>
        <source>Nothing falls due in these %1 days. Drills are planned on the Drills page and checklists scheduled on the Inspections page; New schedule… adds any other reminder.</source>
        <translation>Nothing falls due in these %1 days. Drills are planned on the Drills page and checklists scheduled on the Inspections page; New schedule… adds any other reminder.</translation>
    </message>
    <message>
        <source>Nothing falls due in these days: nothing to export.</source>
        <translation>Nothing falls due in these days: nothing to export.</translation>
    </message>
</context>
<context>
    <name>ChecklistKeys</name>
    <message>
        <source>Inspection: pass the current item</source>
        <translation>Inspection: pass the current item</translation>
    </message>
    <message>
        <source>Inspection: fail the current item</source>
        <translation>Inspection: fail the current item</translation>
    </message>
    <message>
        <source>Inspection: current item not applicable</source>
        <translation>Inspection: current item not applicable</translation>
    </message>
    <message>
        <source>Inspection: next item</source>
        <translation>Inspection: next item</translation>
    </message>
    <message>
        <source>Inspection: previous item</source>
        <translation>Inspection: previous item</translation>
    </message>
    <message>
        <source>Inspection: submit</source>
        <translation>Inspection: submit</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Checklist items</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation>Photo missing</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close the incident</source>
        <translation>Close the incident</translation>
    </message>
    <message>
        <source>Amount in yuan, e.g. 1200.50</source>
        <translation>Amount in yuan, e.g. 1200.50</translation>
    </message>
    <message>
        <source>Outcome (required)</source>
        <translation>Outcome (required)</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>What is to be done</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Add action</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Remove action</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>Close incident</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>Follow-up actions</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>No due date</translation>
    </message>
    <message>
        <source>Say how the incident ended.</source>
        <translation>Say how the incident ended.</translation>
    </message>
    <message>
        <source>Enter an amount in yuan, e.g. 1200.50 (at most two decimals).</source>
        <translation>Enter an amount in yuan, e.g. 1200.50 (at most two decimals).</translation>
    </message>
    <message>
        <source>Close it with these still open</source>
        <translation>Close it with these still open</translation>
    </message>
    <message>
        <source>Still open: %1 pending step(s), %2 reporting checkpoint(s) overdue. Close anyway?</source>
        <translation>Still open: %1 pending step(s), %2 reporting checkpoint(s) overdue. Close anyway?</translation>
    </message>
    <message>
        <source>Report overdue since %1: %2. %3</source>
        <translation>Report overdue since %1: %2. %3</translation>
    </message>
    <message>
        <source>Steps or reports are still open: tick “Close it with these still open”.</source>
        <translation>Steps or reports are still open: tick “Close it with these still open”.</translation>
    </message>
</context>
<context>
    <name>ComplianceModel</name>
    <message>
        <source>Requirement</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>At least every</source>
        <translation>At least every</translation>
    </message>
    <message>
        <source>Last drill</source>
        <translation>Last drill</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Next due</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>any scenario</source>
        <translation>any scenario</translation>
    </message>
    <message>
        <source>any type</source>
        <translation>any type</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation>Not in force</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>None since %1</source>
        <translation>None since %1</translation>
    </message>
    <message>
        <source>No such drill is recorded since %1, when the branch began using BranchGuard: the first one is due within the interval from that day. A drill held earlier counts from its own day once recorded (Record held drill…).</source>
        <translation>No such drill is recorded since %1, when the branch began using BranchGuard: the first one is due within the interval from that day. A drill held earlier counts from its own day once recorded (Record held drill…).</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>(planned %1)</source>
        <translation>(planned %1)</translation>
    </message>
    <message>
        <source>any plan tier</source>
        <translation>any plan tier</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) before each drill</source>
        <translation>
            <numerusform>%n working day before each drill</numerusform>
            <numerusform>%n working days before each drill</numerusform>
        </translation>
    </message>
    <message>
        <source>No drill planned</source>
        <translation>No drill planned</translation>
    </message>
    <message>
        <source>notify by %1 (drill %2)</source>
        <translation>notify by %1 (drill %2)</translation>
    </message>
</context>
<context>
    <name>CompliancePanel</name>
    <message>
        <source>Never drilled: plan the drill on the Drill plans tab (Plan drill…). A drill held before BranchGuard, or on paper, counts from the day it was held once recorded there with Record held drill…</source>
        <translation>Never drilled: plan the drill on the Drill plans tab (Plan drill…). A drill held before BranchGuard, or on paper, counts from the day it was held once recorded there with Record held drill…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Defaults (all regions)</source>
        <translation>Defaults (all regions)</translation>
    </message>
    <message>
        <source>Edit rule…</source>
        <translation>Edit rule…</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>New rule…</translation>
    </message>
    <message>
        <source>A drill counts from the day it is run. Due soon: within 30 days. A region inherits the defaults and overrides rules by their code.</source>
        <translation>A drill counts from the day it is run. Due soon: within 30 days. A region inherits the defaults and overrides rules by their code.</translation>
    </message>
    <message>
        <source>Drill rules</source>
        <translation>Drill rules</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a contact</source>
        <translation>Add a contact</translation>
    </message>
    <message>
        <source>Edit a contact</source>
        <translation>Edit a contact</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alternative phone</source>
        <translation>Alternative phone</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>This is a built-in public emergency number: its number and type cannot be changed.</source>
        <translation>This is a built-in public emergency number: its number and type cannot be changed.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alternative phone</source>
        <translation>Alternative phone</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>A public emergency number: it cannot be removed and its number cannot be changed.</source>
        <translation>A public emergency number: it cannot be removed and its number cannot be changed.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Remove the contact %1?</source>
        <translation>Remove the contact %1?</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) shown</source>
        <translation>
            <numerusform>%n contact shown</numerusform>
            <numerusform>%n contacts shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Add a contact</translation>
    </message>
    <message>
        <source>Edit the selected contact</source>
        <translation>Edit the selected contact</translation>
    </message>
    <message>
        <source>Remove the selected contact</source>
        <translation>Remove the selected contact</translation>
    </message>
    <message>
        <source>Search contacts by name or phone</source>
        <translation>Search contacts by name or phone</translation>
    </message>
    <message>
        <source>No contact matches the search and filters.</source>
        <translation>No contact matches the search and filters.</translation>
    </message>
    <message>
        <source>No emergency contacts yet.</source>
        <translation>No emergency contacts yet.</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Emergency contacts</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Correct entry %1</source>
        <translation>Correct entry %1</translation>
    </message>
    <message>
        <source>Entry %1 says: “%2”. It stays in the log, struck through, followed by your correction.</source>
        <translation>Entry %1 says: “%2”. It stays in the log, struck through, followed by your correction.</translation>
    </message>
    <message>
        <source>What it should say</source>
        <translation>What it should say</translation>
    </message>
</context>
<context>
    <name>CriteriaPanel</name>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Defaults (all regions)</source>
        <translation>Defaults (all regions)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Criterion (Chinese)</source>
        <translation>Criterion (Chinese)</translation>
    </message>
    <message>
        <source>Criterion (English)</source>
        <translation>Criterion (English)</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>Weight %</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>Add criterion</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Save set</source>
        <translation>Save set</translation>
    </message>
    <message>
        <source>any scenario without a set of its own</source>
        <translation>any scenario without a set of its own</translation>
    </message>
    <message>
        <source>Used for drills of: %1</source>
        <translation>Used for drills of: %1</translation>
    </message>
    <message>
        <source>Weights: %1 / 100</source>
        <translation>Weights: %1 / 100</translation>
    </message>
    <message>
        <source>Saved: new evaluations of these drills use it.</source>
        <translation>Saved: new evaluations of these drills use it.</translation>
    </message>
    <message>
        <source>Criteria sets</source>
        <translation>Criteria sets</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criteria</translation>
    </message>
</context>
<context>
    <name>DateFields</name>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Calendar: %1</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>To date</translation>
    </message>
</context>
<context>
    <name>DialogWork</name>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Discard what you typed?</translation>
    </message>
    <message>
        <source>It is not saved yet: closing the window throws it away.</source>
        <translation>It is not saved yet: closing the window throws it away.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>DrillListPanel</name>
    <message>
        <source>No drills yet. Plan drill… schedules one on a playbook; Record held drill… enters one held before BranchGuard, with its scores.</source>
        <translation>No drills yet. Plan drill… schedules one on a playbook; Record held drill… enters one held before BranchGuard, with its scores.</translation>
    </message>
    <message>
        <source>No drills yet.</source>
        <translation>No drills yet.</translation>
    </message>
    <message>
        <source>No drill in this state.</source>
        <translation>No drill in this state.</translation>
    </message>
    <message>
        <source>All drills</source>
        <translation>All drills</translation>
    </message>
    <message>
        <source>Plan drill…</source>
        <translation>Plan drill…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Headcount…</source>
        <translation>Headcount…</translation>
    </message>
    <message>
        <source>Open console</source>
        <translation>Open console</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>Evaluate…</translation>
    </message>
    <message>
        <source>Actions…</source>
        <translation>Actions…</translation>
    </message>
    <message>
        <source>Report PDF…</source>
        <translation>Report PDF…</translation>
    </message>
    <message>
        <source>Cancel drill</source>
        <translation>Cancel drill</translation>
    </message>
    <message>
        <source>Start the drill: its incident console opens, flagged as a drill</source>
        <translation>Start the drill: its incident console opens, flagged as a drill</translation>
    </message>
    <message>
        <source>Double-click a run to open its console</source>
        <translation>Double-click a run to open its console</translation>
    </message>
    <message numerus="yes">
        <source>%n drill(s)</source>
        <translation>
            <numerusform>%n drill</numerusform>
            <numerusform>%n drills</numerusform>
        </translation>
    </message>
    <message>
        <source>announced</source>
        <translation>announced</translation>
    </message>
    <message>
        <source>unannounced</source>
        <translation>unannounced</translation>
    </message>
    <message>
        <source>Run drill</source>
        <translation>Run drill</translation>
    </message>
    <message>
        <source>Start the %1 drill “%2” now? Its incident console opens, flagged as a drill.</source>
        <translation>Start the %1 drill “%2” now? Its incident console opens, flagged as a drill.</translation>
    </message>
    <message>
        <source>Headcount recorded in the drill's log (#%1).</source>
        <translation>Headcount recorded in the drill's log (#%1).</translation>
    </message>
    <message>
        <source>Cancel the drill “%1”? Its schedule stops reminding.</source>
        <translation>Cancel the drill “%1”? Its schedule stops reminding.</translation>
    </message>
    <message>
        <source>This is a recurring plan: no further drills of the series are planned.</source>
        <translation>This is a recurring plan: no further drills of the series are planned.</translation>
    </message>
    <message>
        <source>Save the drill report</source>
        <translation>Save the drill report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Rendering the drill report…</source>
        <translation>Rendering the drill report…</translation>
    </message>
    <message>
        <source>Saving the drill report…</source>
        <translation>Saving the drill report…</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Report saved to %1.</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>The report could not be saved: %1</translation>
    </message>
    <message>
        <source>Drill report: %1</source>
        <translation>Drill report: %1</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>Preview / Print…</translation>
    </message>
    <message>
        <source>The selected drill's report: preview, print or save as PDF</source>
        <translation>The selected drill's report: preview, print or save as PDF</translation>
    </message>
    <message>
        <source>%1 of %2 drills shown; scroll for older ones</source>
        <translation>%1 of %2 drills shown; scroll for older ones</translation>
    </message>
    <message>
        <source>Record held drill…</source>
        <translation>Record held drill…</translation>
    </message>
    <message>
        <source>A drill held without BranchGuard (before the install, or on paper), from its record</source>
        <translation>A drill held without BranchGuard (before the install, or on paper), from its record</translation>
    </message>
    <message>
        <source>Void record…</source>
        <translation>Void record…</translation>
    </message>
    <message>
        <source>Void record</source>
        <translation>Void record</translation>
    </message>
    <message>
        <source>Why is the record of “%1” void? (It stops counting; the reason is kept.)</source>
        <translation>Why is the record of “%1” void? (It stops counting; the reason is kept.)</translation>
    </message>
    <message>
        <source>Record hazard…</source>
        <translation>Record hazard…</translation>
    </message>
    <message>
        <source>A problem this drill found, entered in the hazard register linked to the drill</source>
        <translation>A problem this drill found, entered in the hazard register linked to the drill</translation>
    </message>
    <message>
        <source>Hazard %1 recorded, linked to this drill: follow it up on the Hazards page.</source>
        <translation>Hazard %1 recorded, linked to this drill: follow it up on the Hazards page.</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>Drills</translation>
    </message>
</context>
<context>
    <name>DrillPlanDialog</name>
    <message>
        <source>Plan a drill</source>
        <translation>Plan a drill</translation>
    </message>
    <message>
        <source>Scenario (playbook)</source>
        <translation>Scenario (playbook)</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Goals (one per line)</source>
        <translation>Goals (one per line)</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>Observers</translation>
    </message>
    <message>
        <source>Expected headcount</source>
        <translation>Expected headcount</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>One-off</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>Every 6 months</source>
        <translation>Every 6 months</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>ends on</source>
        <translation>ends on</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>e.g. everyone out of the hall within 3 minutes</source>
        <translation>e.g. everyone out of the hall within 3 minutes</translation>
    </message>
    <message>
        <source>Participants by role or team</source>
        <translation>Participants by role or team</translation>
    </message>
    <message>
        <source>Plan drill</source>
        <translation>Plan drill</translation>
    </message>
    <message>
        <source>Choose the playbook the drill rehearses.</source>
        <translation>Choose the playbook the drill rehearses.</translation>
    </message>
    <message>
        <source>This date has already passed: the drill will be overdue as soon as it is planned.</source>
        <translation>This date has already passed: the drill will be overdue as soon as it is planned.</translation>
    </message>
</context>
<context>
    <name>DrillPlanModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>Announced</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Unannounced</source>
        <translation>Unannounced</translation>
    </message>
    <message>
        <source>Run of #%1</source>
        <translation>Run of #%1</translation>
    </message>
    <message>
        <source>%1 (recorded afterwards)</source>
        <translation>%1 (recorded afterwards)</translation>
    </message>
    <message>
        <source>Held without BranchGuard; entered from: %1</source>
        <translation>Held without BranchGuard; entered from: %1</translation>
    </message>
    <message>
        <source>Voided (recorded afterwards)</source>
        <translation>Voided (recorded afterwards)</translation>
    </message>
</context>
<context>
    <name>DrillsPage</name>
    <message>
        <source>Drills</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Plan drills on a playbook, run them in the incident console, take the headcount, score them and follow up the corrective actions.</source>
        <translation>Plan drills on a playbook, run them in the incident console, take the headcount, score them and follow up the corrective actions.</translation>
    </message>
    <message>
        <source>Drill plans</source>
        <translation>Drill plans</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>Compliance</translation>
    </message>
    <message>
        <source>Scoring criteria</source>
        <translation>Scoring criteria</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
</context>
<context>
    <name>EscalationQuestion</name>
    <message>
        <source>Log it in that incident</source>
        <translation>Log it in that incident</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <source>Evaluate drill</source>
        <translation>Evaluate drill</translation>
    </message>
    <message>
        <source>Scoring criteria: %1 · each criterion 0–100, weighted to a total out of 100</source>
        <translation>Scoring criteria: %1 · each criterion 0–100, weighted to a total out of 100</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>Lessons learned</translation>
    </message>
    <message>
        <source>Save evaluation</source>
        <translation>Save evaluation</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <source>The owner is reminded before the due date.</source>
        <translation>The owner is reminded before the due date.</translation>
    </message>
</context>
<context>
    <name>FieldChangesModel</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Old version</source>
        <translation>Old version</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>When to use</source>
        <translation>When to use</translation>
    </message>
    <message>
        <source>Cautions</source>
        <translation>Cautions</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
</context>
<context>
    <name>FirstRestore</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>BranchGuard backups (*.zip)</source>
        <translation>BranchGuard backups (*.zip)</translation>
    </message>
    <message>
        <source>Checking the backup</source>
        <translation>Checking the backup</translation>
    </message>
    <message>
        <source>Restore this backup on this PC? BranchGuard quits now and restores it when it is started again, before anything opens the database; then log in with an account of the backup.</source>
        <translation>Restore this backup on this PC? BranchGuard quits now and restores it when it is started again, before anything opens the database; then log in with an account of the backup.</translation>
    </message>
    <message>
        <source>Start BranchGuard again now: it restores the backup as it starts.</source>
        <translation>Start BranchGuard again now: it restores the backup as it starts.</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Enter the branch's staff and emergency contacts (People &amp; contacts).</source>
        <translation>Enter the branch's staff and emergency contacts (People &amp; contacts).</translation>
    </message>
    <message>
        <source>Add user accounts for the staff and the auditor (Settings → User accounts).</source>
        <translation>Add user accounts for the staff and the auditor (Settings → User accounts).</translation>
    </message>
    <message>
        <source>Schedule the checklists: the daily fire patrol, the weekly and monthly checks (Inspections → Schedule…).</source>
        <translation>Schedule the checklists: the daily fire patrol, the weekly and monthly checks (Inspections → Schedule…).</translation>
    </message>
    <message>
        <source>Plan the year's drills against the compliance rules (Drills → Plan drill…).</source>
        <translation>Plan the year's drills against the compliance rules (Drills → Plan drill…).</translation>
    </message>
    <message>
        <source>First steps for this branch:</source>
        <translation>First steps for this branch:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>BranchGuard: first start</source>
        <translation>BranchGuard: first start</translation>
    </message>
    <message>
        <source>Welcome to BranchGuard</source>
        <translation>Welcome to BranchGuard</translation>
    </message>
    <message>
        <source>Name your branch and create the safety lead's account. The safety lead manages playbooks, drills, staff and the other user accounts.</source>
        <translation>Name your branch and create the safety lead's account. The safety lead manages playbooks, drills, staff and the other user accounts.</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>Branch name</translation>
    </message>
    <message>
        <source>Branch code (optional)</source>
        <translation>Branch code (optional)</translation>
    </message>
    <message>
        <source>Safety lead's user name</source>
        <translation>Safety lead's user name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>e.g. wangjg</source>
        <translation>e.g. wangjg</translation>
    </message>
    <message>
        <source>e.g. the lead's full name</source>
        <translation>e.g. the lead's full name</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>A new PC: bring back the data of a BranchGuard backup instead of starting empty.</source>
        <translation>A new PC: bring back the data of a BranchGuard backup instead of starting empty.</translation>
    </message>
    <message>
        <source>Name your branch and create the safety lead's account. The safety lead manages playbooks, drills, staff and the other user accounts. Moving to a new PC? Restore a BranchGuard backup instead.</source>
        <translation>Name your branch and create the safety lead's account. The safety lead manages playbooks, drills, staff and the other user accounts. Moving to a new PC? Restore a BranchGuard backup instead.</translation>
    </message>
</context>
<context>
    <name>FollowView</name>
    <message>
        <source>Elapsed</source>
        <translation>Elapsed</translation>
    </message>
    <message>
        <source>Leave (Esc)</source>
        <translation>Leave (Esc)</translation>
    </message>
    <message>
        <source>Done (Space)</source>
        <translation>Done (Space)</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>Skip…</translation>
    </message>
    <message>
        <source>Why is this step skipped?</source>
        <translation>Why is this step skipped?</translation>
    </message>
    <message>
        <source>Skip step</source>
        <translation>Skip step</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Add a note (Enter saves)</source>
        <translation>Add a note (Enter saves)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Space: done · S: skip · U: undo · N: note · PgDn: read on · Esc: leave · F1: keys</source>
        <translation>Space: done · S: skip · U: undo · N: note · PgDn: read on · Esc: leave · F1: keys</translation>
    </message>
</context>
<context>
    <name>FollowWindow</name>
    <message>
        <source>Back up in a long step</source>
        <translation>Back up in a long step</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Discard the note you typed?</source>
        <translation>Discard the note you typed?</translation>
    </message>
    <message>
        <source>It is not in the log yet: leaving follow mode throws it away.</source>
        <translation>It is not in the log yet: leaving follow mode throws it away.</translation>
    </message>
    <message>
        <source>Keep the note</source>
        <translation>Keep the note</translation>
    </message>
    <message>
        <source>Read on in a long step</source>
        <translation>Read on in a long step</translation>
    </message>
    <message>
        <source>Unsent note</source>
        <translation>Unsent note</translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation>Could not refresh: %1</translation>
    </message>
    <message>
        <source>Step %1 done</source>
        <translation>Step %1 done</translation>
    </message>
    <message>
        <source>Say why the step is skipped.</source>
        <translation>Say why the step is skipped.</translation>
    </message>
    <message>
        <source>Step %1 skipped</source>
        <translation>Step %1 skipped</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>Note saved</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Follow mode – %1</source>
        <translation>Follow mode – %1</translation>
    </message>
    <message>
        <source>Next: %1 · %2</source>
        <translation>Next: %1 · %2</translation>
    </message>
    <message>
        <source>Step %1 / %2</source>
        <translation>Step %1 / %2</translation>
    </message>
    <message>
        <source>%1 done, %2 skipped.</source>
        <translation>%1 done, %2 skipped.</translation>
    </message>
    <message>
        <source>This incident is closed.</source>
        <translation>This incident is closed.</translation>
    </message>
    <message>
        <source>No playbook steps: follow the safety lead's instructions.</source>
        <translation>No playbook steps: follow the safety lead's instructions.</translation>
    </message>
    <message>
        <source>All steps done.</source>
        <translation>All steps done.</translation>
    </message>
    <message>
        <source>Read only: you can follow the steps but not mark them.</source>
        <translation>Read only: you can follow the steps but not mark them.</translation>
    </message>
    <message>
        <source>Target: %1 · by %2</source>
        <translation>Target: %1 · by %2</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>Mark the current step done</source>
        <translation>Mark the current step done</translation>
    </message>
    <message>
        <source>Skip the current step (asks for a reason)</source>
        <translation>Skip the current step (asks for a reason)</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>Write a note</translation>
    </message>
    <message>
        <source>Leave full screen, then close follow mode</source>
        <translation>Leave full screen, then close follow mode</translation>
    </message>
    <message>
        <source>Full screen on or off</source>
        <translation>Full screen on or off</translation>
    </message>
    <message>
        <source>These keyboard shortcuts</source>
        <translation>These keyboard shortcuts</translation>
    </message>
    <message>
        <source>Step %1 mark undone</source>
        <translation>Step %1 mark undone</translation>
    </message>
    <message>
        <source>Undo step %1 (U)</source>
        <translation>Undo step %1 (U)</translation>
    </message>
    <message>
        <source>Undo the last mark (for a few seconds after it)</source>
        <translation>Undo the last mark (for a few seconds after it)</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Taken %1 by %2</source>
        <translation>Taken %1 by %2</translation>
    </message>
    <message>
        <source>Open incidents: %1</source>
        <translation>Open incidents: %1</translation>
    </message>
    <message>
        <source>Open follow-up actions: %1</source>
        <translation>Open follow-up actions: %1</translation>
    </message>
    <message>
        <source>%1 steps pending</source>
        <translation>%1 steps pending</translation>
    </message>
    <message>
        <source>No open incidents.</source>
        <translation>No open incidents.</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(overdue)</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>no due date</translation>
    </message>
    <message>
        <source>Save the shift handover</source>
        <translation>Save the shift handover</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saving the shift handover…</source>
        <translation>Saving the shift handover…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>The handover could not be saved: %1</source>
        <translation>The handover could not be saved: %1</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Incident / pending step</source>
        <translation>Incident / pending step</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Elapsed / target</source>
        <translation>Elapsed / target</translation>
    </message>
    <message>
        <source>Follow-up action</source>
        <translation>Follow-up action</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Open hazards: %1</source>
        <translation>Open hazards: %1</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>Preview / Print…</translation>
    </message>
    <message>
        <source>Open customer complaints: %1</source>
        <translation>Open customer complaints: %1</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>Reply due</translation>
    </message>
</context>
<context>
    <name>HazardActions</name>
    <message>
        <source>Reopen the hazard</source>
        <translation>Reopen the hazard</translation>
    </message>
    <message>
        <source>The hazard goes back to open; its remediation and verification marks are cleared.</source>
        <translation>The hazard goes back to open; its remediation and verification marks are cleared.</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <source>Only the safety lead can lower a hazard's severity.</source>
        <translation>Only the safety lead can lower a hazard's severity.</translation>
    </message>
    <message>
        <source>Lower the severity</source>
        <translation>Lower the severity</translation>
    </message>
    <message>
        <source>Lower this hazard from %1 to %2? Its deadlines follow the lower severity: a major hazard's interim control and remediation plan are no longer required.</source>
        <translation>Lower this hazard from %1 to %2? Its deadlines follow the lower severity: a major hazard's interim control and remediation plan are no longer required.</translation>
    </message>
    <message>
        <source>Why is it lower?</source>
        <translation>Why is it lower?</translation>
    </message>
    <message>
        <source>Verify the remediation</source>
        <translation>Verify the remediation</translation>
    </message>
    <message>
        <source>Confirm that the fix was checked on site. The hazard no longer counts as open.</source>
        <translation>Confirm that the fix was checked on site. The hazard no longer counts as open.</translation>
    </message>
    <message>
        <source>What was checked?</source>
        <translation>What was checked?</translation>
    </message>
    <message>
        <source>Close the hazard</source>
        <translation>Close the hazard</translation>
    </message>
    <message>
        <source>Close this verified hazard? It leaves the register's open work for good.</source>
        <translation>Close this verified hazard? It leaves the register's open work for good.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>HazardDetailDialog</name>
    <message>
        <source>%1 was changed by someone else (perhaps on another PC) after you opened it: nothing was saved. It is shown as it is now, and what you typed is kept in the fields you changed: check them and save again.</source>
        <translation>%1 was changed by someone else (perhaps on another PC) after you opened it: nothing was saved. It is shown as it is now, and what you typed is kept in the fields you changed: check them and save again.</translation>
    </message>
    <message>
        <source>Changed there too, shown as you typed it: %1</source>
        <translation>Changed there too, shown as you typed it: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Open the inspection</source>
        <translation>Open the inspection</translation>
    </message>
    <message>
        <source>Add step…</source>
        <translation>Add step…</translation>
    </message>
    <message>
        <source>Mark remediated</source>
        <translation>Mark remediated</translation>
    </message>
    <message>
        <source>Verify…</source>
        <translation>Verify…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Remediation</source>
        <translation>Remediation</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>You marked this hazard remediated: a different person has to verify it.</source>
        <translation>You marked this hazard remediated: a different person has to verify it.</translation>
    </message>
    <message>
        <source>Confirm the remediation was done (a second person)</source>
        <translation>Confirm the remediation was done (a second person)</translation>
    </message>
    <message>
        <source>Add at least one step of the kind “%1” first</source>
        <translation>Add at least one step of the kind “%1” first</translation>
    </message>
    <message>
        <source>Hazard %1</source>
        <translation>Hazard %1</translation>
    </message>
    <message>
        <source>opened %1 by %2</source>
        <translation>opened %1 by %2</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) open</source>
        <translation>
            <numerusform>%n day open</numerusform>
            <numerusform>%n days open</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>remediated by %1</source>
        <translation>remediated by %1</translation>
    </message>
    <message>
        <source>verified by %1</source>
        <translation>verified by %1</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>Opened by inspection #%1, item %2 (%3)</source>
        <translation>Opened by inspection #%1, item %2 (%3)</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>Major hazard milestones (severity policy):</source>
        <translation>Major hazard milestones (severity policy):</translation>
    </message>
    <message>
        <source>Photos of the failed item and remediation evidence</source>
        <translation>Photos of the failed item and remediation evidence</translation>
    </message>
    <message>
        <source>Drill (#%1 %2)</source>
        <translation>Drill (#%1 %2)</translation>
    </message>
    <message>
        <source>The drill's report</source>
        <translation>The drill's report</translation>
    </message>
    <message>
        <source>Remediation steps</source>
        <translation>Remediation steps</translation>
    </message>
    <message>
        <source>MILESTONES OUTSTANDING</source>
        <translation>MILESTONES OUTSTANDING</translation>
    </message>
    <message>
        <source>Went ahead without them (%1)</source>
        <translation>Went ahead without them (%1)</translation>
    </message>
</context>
<context>
    <name>HazardEventsModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>HazardFields</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>From the severity policy</source>
        <translation>From the severity policy</translation>
    </message>
</context>
<context>
    <name>HazardListModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>Days open</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Inspection #%1, item %2</source>
        <translation>Inspection #%1, item %2</translation>
    </message>
    <message>
        <source>milestones outstanding</source>
        <translation>milestones outstanding</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <source>Hazards</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>Hazard register</source>
        <translation>Hazard register</translation>
    </message>
    <message>
        <source>Every failed inspection item opens a hazard; a hazard is closed after a second person verified its remediation. Double-click a row for its detail.</source>
        <translation>Every failed inspection item opens a hazard; a hazard is closed after a second person verified its remediation. Double-click a row for its detail.</translation>
    </message>
    <message>
        <source>New hazard…</source>
        <translation>New hazard…</translation>
    </message>
    <message>
        <source>Severity policy…</source>
        <translation>Severity policy…</translation>
    </message>
    <message>
        <source>How long a general or a major hazard may stay open</source>
        <translation>How long a general or a major hazard may stay open</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>The register as filtered, as a PDF</source>
        <translation>The register as filtered, as a PDF</translation>
    </message>
    <message>
        <source>The register as filtered, as an Excel workbook</source>
        <translation>The register as filtered, as an Excel workbook</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>Search number, title, description, location</source>
        <translation>Search number, title, description, location</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Any owner</translation>
    </message>
    <message>
        <source>Open (not yet verified)</source>
        <translation>Open (not yet verified)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message numerus="yes">
        <source>%n hazard(s) shown</source>
        <translation>
            <numerusform>%n hazard shown</numerusform>
            <numerusform>%n hazards shown</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 major still open</source>
        <translation>%1 major still open</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>The hazard register, as filtered, was saved to %1.</source>
        <translation>The hazard register, as filtered, was saved to %1.</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>The report font fell back: %1</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>Preview / Print…</translation>
    </message>
    <message>
        <source>The register as filtered: preview, print or save as PDF</source>
        <translation>The register as filtered: preview, print or save as PDF</translation>
    </message>
    <message>
        <source>No hazard matches these filters.</source>
        <translation>No hazard matches these filters.</translation>
    </message>
    <message>
        <source>No open hazards.</source>
        <translation>No open hazards.</translation>
    </message>
    <message>
        <source>No open hazards. New hazard… records one; a failed inspection item opens one itself. “All statuses” lists the closed ones.</source>
        <translation>No open hazards. New hazard… records one; a failed inspection item opens one itself. “All statuses” lists the closed ones.</translation>
    </message>
    <message>
        <source>No hazards yet.</source>
        <translation>No hazards yet.</translation>
    </message>
    <message>
        <source>No hazards yet. New hazard… records one; a failed inspection item opens one itself.</source>
        <translation>No hazards yet. New hazard… records one; a failed inspection item opens one itself.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
</context>
<context>
    <name>HeadcountDialog</name>
    <message>
        <source>Headcount at the assembly point</source>
        <translation>Headcount at the assembly point</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Record headcount</source>
        <translation>Record headcount</translation>
    </message>
    <message>
        <source>not set in the plan</source>
        <translation>not set in the plan</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n missing</source>
        <translation>
            <numerusform>%1 — %n missing</numerusform>
            <numerusform>%1 — %n missing</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — all accounted for</source>
        <translation>%1 — all accounted for</translation>
    </message>
</context>
<context>
    <name>IncidentBanner</name>
    <message>
        <source>Incident open: %1 · %2</source>
        <translation>Incident open: %1 · %2</translation>
    </message>
    <message>
        <source>Open incidents: %1</source>
        <translation>Open incidents: %1</translation>
    </message>
    <message>
        <source>most severe: %1</source>
        <translation>most severe: %1</translation>
    </message>
    <message>
        <source>drills: %1</source>
        <translation>drills: %1</translation>
    </message>
    <message>
        <source>click to open the console</source>
        <translation>click to open the console</translation>
    </message>
</context>
<context>
    <name>IncidentBar</name>
    <message>
        <source>Start incident</source>
        <translation>Start incident</translation>
    </message>
    <message>
        <source>Start an incident from a playbook, or ad hoc (F9)</source>
        <translation>Start an incident from a playbook, or ad hoc (F9)</translation>
    </message>
    <message>
        <source>Go to the open incidents</source>
        <translation>Go to the open incidents</translation>
    </message>
    <message>
        <source>Incident started</source>
        <translation>Incident started</translation>
    </message>
    <message>
        <source>The incident is started and its console is open in the main window. This window stays open with your work: finish or close it to reach the console.</source>
        <translation>The incident is started and its console is open in the main window. This window stays open with your work: finish or close it to reach the console.</translation>
    </message>
    <message>
        <source>Incident open</source>
        <translation>Incident open</translation>
    </message>
    <message>
        <source>Incident #%1 was already open: its console is open in the main window. This window stays open with your work: finish or close it to reach the console.</source>
        <translation>Incident #%1 was already open: its console is open in the main window. This window stays open with your work: finish or close it to reach the console.</translation>
    </message>
</context>
<context>
    <name>IncidentConsole</name>
    <message>
        <source>Change level…</source>
        <translation>Change level…</translation>
    </message>
    <message>
        <source>Level…</source>
        <translation>Level…</translation>
    </message>
    <message>
        <source>Warning…</source>
        <translation>Warning…</translation>
    </message>
    <message>
        <source>Initial…</source>
        <translation>Initial…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Initial report…</source>
        <translation>Initial report…</translation>
    </message>
    <message>
        <source>The initial report to head office (Ctrl+Shift+R)</source>
        <translation>The initial report to head office (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Close incident…</source>
        <translation>Close incident…</translation>
    </message>
    <message>
        <source>Follow mode</source>
        <translation>Follow mode</translation>
    </message>
    <message>
        <source>Full screen, current step in large type (Ctrl+Shift+F)</source>
        <translation>Full screen, current step in large type (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>Call list</translation>
    </message>
    <message>
        <source>Mark the step done</source>
        <translation>Mark the step done</translation>
    </message>
    <message>
        <source>Skip the step…</source>
        <translation>Skip the step…</translation>
    </message>
    <message>
        <source>Write a log entry</source>
        <translation>Write a log entry</translation>
    </message>
    <message>
        <source>Correct the selected log entry…</source>
        <translation>Correct the selected log entry…</translation>
    </message>
    <message>
        <source>Attach a photo or file…</source>
        <translation>Attach a photo or file…</translation>
    </message>
    <message>
        <source>Attach a photo or file</source>
        <translation>Attach a photo or file</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;All files (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Preview / Print</source>
        <translation>Preview / Print</translation>
    </message>
    <message>
        <source>The incident report or the initial report: preview, print or save as PDF (Ctrl+P)</source>
        <translation>The incident report or the initial report: preview, print or save as PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Hide call list ›</source>
        <translation>Hide call list ›</translation>
    </message>
    <message>
        <source>‹ Call list</source>
        <translation>‹ Call list</translation>
    </message>
    <message>
        <source>Fold the call list and attachments away to widen the steps</source>
        <translation>Fold the call list and attachments away to widen the steps</translation>
    </message>
    <message>
        <source>Show the call list and attachments again</source>
        <translation>Show the call list and attachments again</translation>
    </message>
    <message>
        <source>Warning level…</source>
        <translation>Warning level…</translation>
    </message>
    <message>
        <source>Raise or lower the level, with a reason (Ctrl+Shift+L)</source>
        <translation>Raise or lower the level, with a reason (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>The four-colour weather or disaster warning (Ctrl+Shift+W)</source>
        <translation>The four-colour weather or disaster warning (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <source>Close the incident, recording how it ended (Ctrl+Shift+C)</source>
        <translation>Close the incident, recording how it ended (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Change the incident's level…</source>
        <translation>Change the incident's level…</translation>
    </message>
    <message>
        <source>Change the warning level…</source>
        <translation>Change the warning level…</translation>
    </message>
    <message>
        <source>Initial report to head office…</source>
        <translation>Initial report to head office…</translation>
    </message>
    <message>
        <source>Preview or print the reports</source>
        <translation>Preview or print the reports</translation>
    </message>
    <message>
        <source>Close the incident…</source>
        <translation>Close the incident…</translation>
    </message>
</context>
<context>
    <name>IncidentElapsed</name>
    <message>
        <source>clock?</source>
        <translation>clock?</translation>
    </message>
</context>
<context>
    <name>IncidentHeader</name>
    <message>
        <source>This is a drill, not a real incident</source>
        <translation>This is a drill, not a real incident</translation>
    </message>
    <message>
        <source>Time since the incident started</source>
        <translation>Time since the incident started</translation>
    </message>
    <message>
        <source>Ad hoc (no playbook)</source>
        <translation>Ad hoc (no playbook)</translation>
    </message>
    <message>
        <source>started %1 by %2</source>
        <translation>started %1 by %2</translation>
    </message>
    <message>
        <source>closed %1 by %2</source>
        <translation>closed %1 by %2</translation>
    </message>
    <message>
        <source>Report to head office (step %1) due in %2</source>
        <translation>Report to head office (step %1) due in %2</translation>
    </message>
    <message>
        <source>Report to head office (step %1) overdue by %2</source>
        <translation>Report to head office (step %1) overdue by %2</translation>
    </message>
    <message>
        <source>Head office report due in %2</source>
        <translation>Head office report due in %2</translation>
    </message>
    <message>
        <source>Head office report overdue by %2</source>
        <translation>Head office report overdue by %2</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Playbook</source>
        <translation>Playbook</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Started by</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Ad hoc</source>
        <translation>Ad hoc</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>IncidentListPanel</name>
    <message>
        <source>Open and closed</source>
        <translation>Open and closed</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>Incidents and drills</source>
        <translation>Incidents and drills</translation>
    </message>
    <message>
        <source>Real incidents only</source>
        <translation>Real incidents only</translation>
    </message>
    <message>
        <source>Drills only</source>
        <translation>Drills only</translation>
    </message>
    <message>
        <source>Started from</source>
        <translation>Started from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Search the log entries</source>
        <translation>Search the log entries</translation>
    </message>
    <message>
        <source>Double-click or Enter opens the incident's console</source>
        <translation>Double-click or Enter opens the incident's console</translation>
    </message>
    <message>
        <source>Incidents shown: %1</source>
        <translation>Incidents shown: %1</translation>
    </message>
    <message>
        <source>Log entries found: %1</source>
        <translation>Log entries found: %1</translation>
    </message>
    <message>
        <source>Log entries found: more than %1, the newest %1 shown; add words or dates to find older ones</source>
        <translation>Log entries found: more than %1, the newest %1 shown; add words or dates to find older ones</translation>
    </message>
    <message>
        <source>Preview / Print</source>
        <translation>Preview / Print</translation>
    </message>
    <message>
        <source>The selected incident's report or initial report</source>
        <translation>The selected incident's report or initial report</translation>
    </message>
    <message>
        <source>Open, report overdue</source>
        <translation>Open, report overdue</translation>
    </message>
    <message>
        <source>Open incidents with a report to head office past its deadline</source>
        <translation>Open incidents with a report to head office past its deadline</translation>
    </message>
    <message>
        <source>Incidents shown: %1 of %2; scroll for older ones</source>
        <translation>Incidents shown: %1 of %2; scroll for older ones</translation>
    </message>
    <message>
        <source>No incident matches these filters.</source>
        <translation>No incident matches these filters.</translation>
    </message>
    <message>
        <source>No incidents yet.</source>
        <translation>No incidents yet.</translation>
    </message>
    <message>
        <source>No incidents yet. F9 or “Start incident” starts one from a playbook; a drill run from the Drills page is listed here too.</source>
        <translation>No incidents yet. F9 or “Start incident” starts one from a playbook; a drill run from the Drills page is listed here too.</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
</context>
<context>
    <name>IncidentLogModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Corrected by %1</source>
        <translation>Corrected by %1</translation>
    </message>
</context>
<context>
    <name>IncidentStepsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Who, when</source>
        <translation>Who, when</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Live and past incidents and drills. Each opened incident gets its own tab.</source>
        <translation>Live and past incidents and drills. Each opened incident gets its own tab.</translation>
    </message>
    <message>
        <source>Start incident (F9)</source>
        <translation>Start incident (F9)</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>All incidents</translation>
    </message>
</context>
<context>
    <name>InspectionHistoryModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>%1 / %2 answered, %3 failed</source>
        <translation>%1 / %2 answered, %3 failed</translation>
    </message>
    <message>
        <source>%1 amended</source>
        <translation>%1 amended</translation>
    </message>
</context>
<context>
    <name>InspectionReport</name>
    <message>
        <source>Inspection report</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <source>The inspection report was saved to %1.</source>
        <translation>The inspection report was saved to %1.</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>The report font fell back: %1</translation>
    </message>
    <message>
        <source>Writing the inspection report…</source>
        <translation>Writing the inspection report…</translation>
    </message>
    <message>
        <source>inspection</source>
        <translation>inspection</translation>
    </message>
    <message>
        <source>Save the inspection report</source>
        <translation>Save the inspection report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Inspection report #%1</source>
        <translation>Inspection report #%1</translation>
    </message>
</context>
<context>
    <name>InspectionRunner</name>
    <message>
        <source>Pass (P)</source>
        <translation>Pass (P)</translation>
    </message>
    <message>
        <source>Fail (F)</source>
        <translation>Fail (F)</translation>
    </message>
    <message>
        <source>Not applicable (N)</source>
        <translation>Not applicable (N)</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>Photo…</translation>
    </message>
    <message>
        <source>Attach a photo to the current item</source>
        <translation>Attach a photo to the current item</translation>
    </message>
    <message>
        <source>Pass the rest</source>
        <translation>Pass the rest</translation>
    </message>
    <message>
        <source>Answer every item not answered yet as pass</source>
        <translation>Answer every item not answered yet as pass</translation>
    </message>
    <message>
        <source>Submit… (Ctrl+Enter)</source>
        <translation>Submit… (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <source>Report PDF…</source>
        <translation>Report PDF…</translation>
    </message>
    <message>
        <source>Open its hazard</source>
        <translation>Open its hazard</translation>
    </message>
    <message>
        <source>The hazard this failed item opened in the register</source>
        <translation>The hazard this failed item opened in the register</translation>
    </message>
    <message>
        <source>The inspection report: items, results, photos, signatures</source>
        <translation>The inspection report: items, results, photos, signatures</translation>
    </message>
    <message>
        <source>Correct the selected item of the submitted inspection</source>
        <translation>Correct the selected item of the submitted inspection</translation>
    </message>
    <message>
        <source>Note (Enter):</source>
        <translation>Note (Enter):</translation>
    </message>
    <message>
        <source>Photos of this item</source>
        <translation>Photos of this item</translation>
    </message>
    <message>
        <source>Enter to write a note on the current item</source>
        <translation>Enter to write a note on the current item</translation>
    </message>
    <message>
        <source>started by %1 on %2</source>
        <translation>started by %1 on %2</translation>
    </message>
    <message>
        <source>submitted by %1 on %2</source>
        <translation>submitted by %1 on %2</translation>
    </message>
    <message numerus="yes">
        <source>%n amendment(s)</source>
        <translation>
            <numerusform>%n amendment</numerusform>
            <numerusform>%n amendments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) missing</source>
        <translation>
            <numerusform>%n photo missing</numerusform>
            <numerusform>%n photos missing</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 answered, %3 failed</source>
        <translation>%1 / %2 answered, %3 failed</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <source>Photo for item %1</source>
        <translation>Photo for item %1</translation>
    </message>
    <message>
        <source>Not answered yet: item(s) %1.</source>
        <translation>Not answered yet: item(s) %1.</translation>
    </message>
    <message>
        <source>A photo is needed for failed item(s) %1.</source>
        <translation>A photo is needed for failed item(s) %1.</translation>
    </message>
    <message>
        <source>The inspector has to sign.</source>
        <translation>The inspector has to sign.</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>Preview / Print…</translation>
    </message>
    <message>
        <source>Incident #%1 started: its console is on the Incidents page.</source>
        <translation>Incident #%1 started: its console is on the Incidents page.</translation>
    </message>
    <message>
        <source>Logged in incident #%1: its console is on the Incidents page.</source>
        <translation>Logged in incident #%1: its console is on the Incidents page.</translation>
    </message>
</context>
<context>
    <name>InspectionScheduleDialog</name>
    <message>
        <source>Schedule: %1</source>
        <translation>Schedule: %1</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Change the schedule: %1</source>
        <translation>Change the schedule: %1</translation>
    </message>
    <message>
        <source>Nobody is on the staff roster yet: type the name of the person the inspection is assigned to, or add the staff on the People &amp; contacts page first.</source>
        <translation>Nobody is on the staff roster yet: type the name of the person the inspection is assigned to, or add the staff on the People &amp; contacts page first.</translation>
    </message>
    <message>
        <source>Pick the person the inspection is assigned to.</source>
        <translation>Pick the person the inspection is assigned to.</translation>
    </message>
    <message>
        <source>This time has passed: the inspections fall due from the next one after now. Today's runs now with Start inspection.</source>
        <translation>This time has passed: the inspections fall due from the next one after now. Today's runs now with Start inspection.</translation>
    </message>
</context>
<context>
    <name>InspectionsOverview</name>
    <message>
        <source>Checklists and schedules</source>
        <translation>Checklists and schedules</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>Due and overdue</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Start inspection</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <source>Start the selected checklist now (or double-click it)</source>
        <translation>Start the selected checklist now (or double-click it)</translation>
    </message>
    <message>
        <source>Start the due inspection</source>
        <translation>Start the due inspection</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Schedule…</translation>
    </message>
    <message>
        <source>Run the selected checklist on a schedule, assigned to a person</source>
        <translation>Run the selected checklist on a schedule, assigned to a person</translation>
    </message>
    <message>
        <source>Edit checklist…</source>
        <translation>Edit checklist…</translation>
    </message>
    <message>
        <source>New checklist…</source>
        <translation>New checklist…</translation>
    </message>
    <message>
        <source>Approve draft</source>
        <translation>Approve draft</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>All inspections</source>
        <translation>All inspections</translation>
    </message>
    <message>
        <source>Change schedule…</source>
        <translation>Change schedule…</translation>
    </message>
    <message>
        <source>Resume schedule</source>
        <translation>Resume schedule</translation>
    </message>
    <message>
        <source>Pause schedule</source>
        <translation>Pause schedule</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>%1 of %2 shown; scroll for older ones</source>
        <translation>%1 of %2 shown; scroll for older ones</translation>
    </message>
    <message numerus="yes">
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
    <message>
        <source>No inspection in this state.</source>
        <translation>No inspection in this state.</translation>
    </message>
    <message>
        <source>No inspections yet.</source>
        <translation>No inspections yet.</translation>
    </message>
    <message>
        <source>No inspections yet. Select a checklist above and click “Start inspection” (or double-click it); one that is due starts with “Start the due inspection”.</source>
        <translation>No inspections yet. Select a checklist above and click “Start inspection” (or double-click it); one that is due starts with “Start the due inspection”.</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>Nothing overdue.</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>Nothing due today.</translation>
    </message>
    <message>
        <source>Nothing due now: each schedule's next date is under “Next due” above.</source>
        <translation>Nothing due now: each schedule's next date is under “Next due” above.</translation>
    </message>
    <message>
        <source>No inspection is scheduled yet: the safety lead schedules them.</source>
        <translation>No inspection is scheduled yet: the safety lead schedules them.</translation>
    </message>
    <message>
        <source>No inspection is scheduled yet. Select a checklist above and click “Schedule…” to run it daily, weekly or monthly, assigned to a person; what falls due is listed here.</source>
        <translation>No inspection is scheduled yet. Select a checklist above and click “Schedule…” to run it daily, weekly or monthly, assigned to a person; what falls due is listed here.</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Checklists run on a schedule. In a run, P / F / N answer the item in front and move on; every failed item opens a hazard when the run is submitted.</source>
        <translation>Checklists run on a schedule. In a run, P / F / N answer the item in front and move on; every failed item opens a hazard when the run is submitted.</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>Approve draft</source>
        <translation>Approve draft</translation>
    </message>
    <message>
        <source>Publish the draft of this checklist? The version in use now is retired; inspections already run keep the version they used.</source>
        <translation>Publish the draft of this checklist? The version in use now is retired; inspections already run keep the version they used.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Item %1 of %2 · %3</source>
        <translation>Item %1 of %2 · %3</translation>
    </message>
    <message>
        <source>Pass when: %1</source>
        <translation>Pass when: %1</translation>
    </message>
    <message>
        <source>A fail needs a photo</source>
        <translation>A fail needs a photo</translation>
    </message>
    <message>
        <source>A fail opens a major hazard (重大隐患)</source>
        <translation>A fail opens a major hazard (重大隐患)</translation>
    </message>
    <message>
        <source>A fail opens a general hazard (一般隐患)</source>
        <translation>A fail opens a general hazard (一般隐患)</translation>
    </message>
    <message>
        <source>→ incident #%1</source>
        <translation>→ incident #%1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>Photo missing: add one before submitting</source>
        <translation>Photo missing: add one before submitting</translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>Photos: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>KeptTyping</name>
    <message>
        <source>What you typed, not saved:</source>
        <translation>What you typed, not saved:</translation>
    </message>
    <message>
        <source>Copy what you typed</source>
        <translation>Copy what you typed</translation>
    </message>
    <message>
        <source>%1 was closed on another PC after you opened it: nothing was saved.</source>
        <translation>%1 was closed on another PC after you opened it: nothing was saved.</translation>
    </message>
    <message>
        <source>%1 was changed on another PC after you opened it so that you can no longer edit it: nothing was saved.</source>
        <translation>%1 was changed on another PC after you opened it so that you can no longer edit it: nothing was saved.</translation>
    </message>
    <message>
        <source>What you typed is shown below: copy it to keep it.</source>
        <translation>What you typed is shown below: copy it to keep it.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <source>Change the level</source>
        <translation>Change the level</translation>
    </message>
    <message>
        <source>The incident is at %1.</source>
        <translation>The incident is at %1.</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>New level</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Why?</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>What happened? Enter adds it to the log (Ctrl+E)</source>
        <translation>What happened? Enter adds it to the log (Ctrl+E)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Correct the selected entry: the original stays, struck through (Ctrl+Shift+E)</source>
        <translation>Correct the selected entry: the original stays, struck through (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>Kind of entry</translation>
    </message>
    <message>
        <source>Select the entry to correct in the log first</source>
        <translation>Select the entry to correct in the log first</translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation>Entry %1: %2</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>BranchGuard: log in</source>
        <translation>BranchGuard: log in</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Log in to BranchGuard</source>
        <translation>Log in to BranchGuard</translation>
    </message>
    <message>
        <source>Log in again to continue, or as another user to switch.</source>
        <translation>Log in again to continue, or as another user to switch.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: this data folder cannot be written. Viewing, reports and verify work; changes are disabled.</source>
        <translation>Read-only: this data folder cannot be written. Viewing, reports and verify work; changes are disabled.</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>No branch set up</source>
        <translation>No branch set up</translation>
    </message>
    <message>
        <source>About BranchGuard</source>
        <translation>About BranchGuard</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About BranchGuard</source>
        <translation>&amp;About BranchGuard</translation>
    </message>
    <message>
        <source>Shift &amp;handover…</source>
        <translation>Shift &amp;handover…</translation>
    </message>
    <message>
        <source>The screen is locked.</source>
        <translation>The screen is locked.</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Title (Chinese)</source>
        <translation>Title (Chinese)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Title (English)</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Incident category</source>
        <translation>Incident category</translation>
    </message>
    <message>
        <source>Levels covered</source>
        <translation>Levels covered</translation>
    </message>
    <message>
        <source>Trigger conditions (Chinese)</source>
        <translation>Trigger conditions (Chinese)</translation>
    </message>
    <message>
        <source>Trigger conditions (English)</source>
        <translation>Trigger conditions (English)</translation>
    </message>
    <message>
        <source>Cautions (Chinese)</source>
        <translation>Cautions (Chinese)</translation>
    </message>
    <message>
        <source>Cautions (English)</source>
        <translation>Cautions (English)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>e.g. FIRE or ROBBERY-2</source>
        <translation>e.g. FIRE or ROBBERY-2</translation>
    </message>
    <message>
        <source>e.g. 火灾与疏散现场处置方案</source>
        <translation>e.g. 火灾与疏散现场处置方案</translation>
    </message>
    <message>
        <source>e.g. Fire and evacuation on-site response plan</source>
        <translation>e.g. Fire and evacuation on-site response plan</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>edit %1</translation>
    </message>
    <message>
        <source>The code cannot change once the plan exists.</source>
        <translation>The code cannot change once the plan exists.</translation>
    </message>
</context>
<context>
    <name>NamesEdit</name>
    <message>
        <source>Names, separated by commas</source>
        <translation>Names, separated by commas</translation>
    </message>
    <message>
        <source>Add someone from the people roster</source>
        <translation>Add someone from the people roster</translation>
    </message>
</context>
<context>
    <name>NewHazardDialog</name>
    <message>
        <source>New hazard</source>
        <translation>New hazard</translation>
    </message>
    <message>
        <source>Describe the hazard.</source>
        <translation>Describe the hazard.</translation>
    </message>
    <message>
        <source>Hazard found by a drill</source>
        <translation>Hazard found by a drill</translation>
    </message>
    <message>
        <source>Found by drill #%1 “%2”: saved linked to it, its source “Drill”.</source>
        <translation>Found by drill #%1 “%2”: saved linked to it, its source “Drill”.</translation>
    </message>
</context>
<context>
    <name>NewScheduleDialog</name>
    <message>
        <source>New schedule</source>
        <translation>New schedule</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>One-off</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>Every 6 months</source>
        <translation>Every 6 months</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source> day(s) before</source>
        <translation> day(s) before</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>First date and time</source>
        <translation>First date and time</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Days off</translation>
    </message>
    <message>
        <source>Give the schedule a title.</source>
        <translation>Give the schedule a title.</translation>
    </message>
    <message>
        <source>minute(s) before</source>
        <translation>minute(s) before</translation>
    </message>
    <message>
        <source>hour(s) before</source>
        <translation>hour(s) before</translation>
    </message>
    <message>
        <source>day(s) before</source>
        <translation>day(s) before</translation>
    </message>
    <message>
        <source>Every 2 hours while open</source>
        <translation>Every 2 hours while open</translation>
    </message>
    <message>
        <source>Before each public holiday</source>
        <translation>Before each public holiday</translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message>
        <source>Reminders: %1 (overdue: %2)</source>
        <translation>Reminders: %1 (overdue: %2)</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>%1 reminders</source>
        <translation>%1 reminders</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Reminders: %1 rows for %2 items (overdue: %3)</source>
        <translation>Reminders: %1 rows for %2 items (overdue: %3)</translation>
    </message>
    <message>
        <source>Reminders to read: %1 rows for %2 items (nothing here is yours to act on)</source>
        <translation>Reminders to read: %1 rows for %2 items (nothing here is yours to act on)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>“%1” (due %2) is marked skipped: it counts as not done.</source>
        <translation>“%1” (due %2) is marked skipped: it counts as not done.</translation>
    </message>
    <message>
        <source>Why is it skipped?</source>
        <translation>Why is it skipped?</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>No reminders. Due items and overdue ones show here.</source>
        <translation>No reminders. Due items and overdue ones show here.</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>For 1 hour</translation>
    </message>
    <message>
        <source>Until tomorrow 09:00</source>
        <translation>Until tomorrow 09:00</translation>
    </message>
    <message>
        <source>Until…</source>
        <translation>Until…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Mark done takes one occurrence: choose a single row that is not folded.</source>
        <translation>Mark done takes one occurrence: choose a single row that is not folded.</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>Skip…</translation>
    </message>
    <message>
        <source>Skip takes one occurrence: choose a single row that is not folded.</source>
        <translation>Skip takes one occurrence: choose a single row that is not folded.</translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message>
        <source>Emergency numbers</source>
        <translation>Emergency numbers</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>Call list</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>OutcomeBox</name>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Injuries</source>
        <translation>Injuries</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Losses</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
</context>
<context>
    <name>ParticipantsTable</name>
    <message>
        <source>Role or team</source>
        <translation>Role or team</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Add role</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Team &amp;&amp; training</source>
        <translation>Team &amp;&amp; training</translation>
    </message>
    <message>
        <source>People &amp; contacts</source>
        <translation>People &amp; contacts</translation>
    </message>
    <message>
        <source>Who works at the branch and whom to call in an emergency.</source>
        <translation>Who works at the branch and whom to call in an emergency.</translation>
    </message>
    <message>
        <source>Print contact card…</source>
        <translation>Print contact card…</translation>
    </message>
    <message>
        <source>Save the one-page emergency contact card as a PDF to pin up by the counter.</source>
        <translation>Save the one-page emergency contact card as a PDF to pin up by the counter.</translation>
    </message>
    <message>
        <source>Staff roster</source>
        <translation>Staff roster</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <source>Save the contact card</source>
        <translation>Save the contact card</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Printing the contact card…</source>
        <translation>Printing the contact card…</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Contact card</translation>
    </message>
    <message>
        <source>The contact card was saved to %1.</source>
        <translation>The contact card was saved to %1.</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>The report font fell back: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>The contact card could not be saved: %1</source>
        <translation>The contact card could not be saved: %1</translation>
    </message>
    <message>
        <source>The one-page emergency contact card to pin up by the counter: print it or save a PDF.</source>
        <translation>The one-page emergency contact card to pin up by the counter: print it or save a PDF.</translation>
    </message>
    <message>
        <source>Preview / Print card…</source>
        <translation>Preview / Print card…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>Add a staff member</translation>
    </message>
    <message>
        <source>Edit a staff member</source>
        <translation>Edit a staff member</translation>
    </message>
    <message numerus="yes">
        <source>%n open item(s) name %1 and will keep that name, which nobody on the roster will have:</source>
        <translation>
            <numerusform>%n open item names %1 and will keep that name, which nobody on the roster will have:</numerusform>
            <numerusform>%n open items name %1 and will keep that name, which nobody on the roster will have:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Hand them over to someone first (No), or rename %1 to %2 anyway?</source>
        <translation>Hand them over to someone first (No), or rename %1 to %2 anyway?</translation>
    </message>
    <message>
        <source>e.g. 13901010001</source>
        <translation>e.g. 13901010001</translation>
    </message>
    <message>
        <source>e.g. 010-63210001</source>
        <translation>e.g. 010-63210001</translation>
    </message>
    <message>
        <source>On duty at this branch</source>
        <translation>On duty at this branch</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PhotoFilter</name>
    <message>
        <source>Photos (%1);;All files (*)</source>
        <translation>Photos (%1);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ChosenFiles</name>
    <message>
        <source>Remove all</source>
        <translation>Remove all</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>Import roster…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>Add the staff of HR's sheet saved as CSV: 姓名, 岗位, 手机, 电话, 在岗, 备注</source>
        <translation>Add the staff of HR's sheet saved as CSV: 姓名, 岗位, 手机, 电话, 在岗, 备注</translation>
    </message>
    <message>
        <source>Import staff roster</source>
        <translation>Import staff roster</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>Add them</source>
        <translation>Add them</translation>
    </message>
    <message>
        <source>Nobody was added from the roster file.</source>
        <translation>Nobody was added from the roster file.</translation>
    </message>
    <message numerus="yes">
        <source>Add %n people to the staff roster?</source>
        <translation>
            <numerusform>Add %n person to the staff roster?</numerusform>
            <numerusform>Add %n people to the staff roster?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people added to the staff roster.</source>
        <translation>
            <numerusform>%n person added to the staff roster.</numerusform>
            <numerusform>%n people added to the staff roster.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedFile</name>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Opening %1</source>
        <translation>Opening %1</translation>
    </message>
</context>
<context>
    <name>PlaybookDiffDialog</name>
    <message>
        <source>Compare versions of %1</source>
        <translation>Compare versions of %1</translation>
    </message>
</context>
<context>
    <name>PlaybookDiffView</name>
    <message>
        <source>%1: version %2 → version %3</source>
        <translation>%1: version %2 → version %3</translation>
    </message>
    <message>
        <source>The two versions are identical.</source>
        <translation>The two versions are identical.</translation>
    </message>
    <message>
        <source>Steps: %1 added, %2 removed, %3 changed, %4 moved. Fields changed: %5.</source>
        <translation>Steps: %1 added, %2 removed, %3 changed, %4 moved. Fields changed: %5.</translation>
    </message>
    <message>
        <source>Plan details that changed</source>
        <translation>Plan details that changed</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
</context>
<context>
    <name>PlaybookEditor</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Roles and contacts</source>
        <translation>Roles and contacts</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the plan as a draft (Ctrl+S)</source>
        <translation>Save the plan as a draft (Ctrl+S)</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>Save, then publish the draft: it comes into force and the previous version is retired</source>
        <translation>Save, then publish the draft: it comes into force and the previous version is retired</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Playbook %1</source>
        <translation>Playbook %1</translation>
    </message>
    <message>
        <source>Playbook %1 — version %2 (read only)</source>
        <translation>Playbook %1 — version %2 (read only)</translation>
    </message>
    <message>
        <source>Read only: only the safety lead can edit playbooks.</source>
        <translation>Read only: only the safety lead can edit playbooks.</translation>
    </message>
    <message>
        <source>New playbook[*]</source>
        <translation>New playbook[*]</translation>
    </message>
    <message>
        <source>New plan: saving creates draft version 1. It comes into force once you approve it.</source>
        <translation>New plan: saving creates draft version 1. It comes into force once you approve it.</translation>
    </message>
    <message>
        <source>Playbook %1 — draft version %2[*]</source>
        <translation>Playbook %1 — draft version %2[*]</translation>
    </message>
    <message>
        <source>Editing draft version %1. The approved version %2 stays in force until you approve the draft.</source>
        <translation>Editing draft version %1. The approved version %2 stays in force until you approve the draft.</translation>
    </message>
    <message>
        <source>Editing draft version %1. The plan is not in force until you approve it.</source>
        <translation>Editing draft version %1. The plan is not in force until you approve it.</translation>
    </message>
    <message>
        <source>Playbook %1 — editing creates draft version %2[*]</source>
        <translation>Playbook %1 — editing creates draft version %2[*]</translation>
    </message>
    <message>
        <source>Editing creates draft version %1; the approved version %2 stays in force until you approve the draft.</source>
        <translation>Editing creates draft version %1; the approved version %2 stays in force until you approve the draft.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Steps (%1)</source>
        <translation>Steps (%1)</translation>
    </message>
    <message>
        <source>Saved as draft version %1.</source>
        <translation>Saved as draft version %1.</translation>
    </message>
    <message>
        <source>Your edits stay in this window so that you can copy them. Close it and open the plan again to see the plan as it is now.</source>
        <translation>Your edits stay in this window so that you can copy them. Close it and open the plan again to see the plan as it is now.</translation>
    </message>
    <message>
        <source>Approve the draft</source>
        <translation>Approve the draft</translation>
    </message>
    <message>
        <source>Approve draft version %1 of %2? It comes into force at once and the version in force now is retired.</source>
        <translation>Approve draft version %1 of %2? It comes into force at once and the version in force now is retired.</translation>
    </message>
    <message>
        <source>Version %1 approved: it is now in force.</source>
        <translation>Version %1 approved: it is now in force.</translation>
    </message>
</context>
<context>
    <name>PlaybookFiles</name>
    <message>
        <source>Import playbooks</source>
        <translation>Import playbooks</translation>
    </message>
    <message>
        <source>Playbook files (*.yaml *.yml *.json)</source>
        <translation>Playbook files (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Checking plan %1 of %2…</source>
        <translation>Checking plan %1 of %2…</translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation>The file was not imported</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged.</source>
        <translation>%1 new, %2 updated, %3 unchanged.</translation>
    </message>
    <message>
        <source>The library already has every plan in this file.</source>
        <translation>The library already has every plan in this file.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Updated (a new version)</source>
        <translation>Updated (a new version)</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>and %1 more</translation>
    </message>
    <message>
        <source>Apply this import?</source>
        <translation>Apply this import?</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Saving plan %1 of %2…</source>
        <translation>Saving plan %1 of %2…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>playbooks.yaml</source>
        <translation>playbooks.yaml</translation>
    </message>
    <message>
        <source>Export playbooks</source>
        <translation>Export playbooks</translation>
    </message>
    <message>
        <source>Playbook files (*.yaml *.yml)</source>
        <translation>Playbook files (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>The playbooks were saved to %1.</source>
        <translation>The playbooks were saved to %1.</translation>
    </message>
    <message>
        <source>Exporting playbooks…</source>
        <translation>Exporting playbooks…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save the playbook card</source>
        <translation>Save the playbook card</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>The report font fell back: %1</translation>
    </message>
    <message>
        <source>Playbook card</source>
        <translation>Playbook card</translation>
    </message>
    <message>
        <source>The playbook card was saved to %1.</source>
        <translation>The playbook card was saved to %1.</translation>
    </message>
    <message>
        <source>Printing the playbook card…</source>
        <translation>Printing the playbook card…</translation>
    </message>
    <message>
        <source>Playbook card: %1</source>
        <translation>Playbook card: %1</translation>
    </message>
</context>
<context>
    <name>PlaybookHistoryDialog</name>
    <message>
        <source>Versions of %1</source>
        <translation>Versions of %1</translation>
    </message>
    <message>
        <source>Select a version to read it; select two versions and press Compare to see what changed.</source>
        <translation>Select a version to read it; select two versions and press Compare to see what changed.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
</context>
<context>
    <name>PlaybookList</name>
    <message>
        <source>Search titles and steps</source>
        <translation>Search titles and steps</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s)</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
    <message>
        <source>No plan matches the search and filters.</source>
        <translation>No plan matches the search and filters.</translation>
    </message>
    <message>
        <source>No plans yet.</source>
        <translation>No plans yet.</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
</context>
<context>
    <name>PlaybookPreview</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>When to use this plan</source>
        <translation>When to use this plan</translation>
    </message>
    <message>
        <source>Cautions</source>
        <translation>Cautions</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Whom to call</source>
        <translation>Whom to call</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>If it becomes an incident, start: %1</source>
        <translation>If it becomes an incident, start: %1</translation>
    </message>
    <message>
        <source>Playbook preview</source>
        <translation>Playbook preview</translation>
    </message>
</context>
<context>
    <name>PlaybooksModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>%1 · draft pending</source>
        <translation>%1 · draft pending</translation>
    </message>
    <message>
        <source>Part of the built-in starter library; edits become new versions.</source>
        <translation>Part of the built-in starter library; edits become new versions.</translation>
    </message>
</context>
<context>
    <name>PlaybooksPage</name>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>The branch's emergency plans: what to do, who does it, whom to call.</source>
        <translation>The branch's emergency plans: what to do, who does it, whom to call.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Write a new plan</source>
        <translation>Write a new plan</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Edit the selected plan; an approved plan gets a new draft version</source>
        <translation>Edit the selected plan; an approved plan gets a new draft version</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>Publish the draft; the version in use now is retired</source>
        <translation>Publish the draft; the version in use now is retired</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Discard draft…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Every version of the selected plan; compare two of them</source>
        <translation>Every version of the selected plan; compare two of them</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Add or update plans from a head-office file (YAML or JSON)</source>
        <translation>Add or update plans from a head-office file (YAML or JSON)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Selected plans…</source>
        <translation>Selected plans…</translation>
    </message>
    <message>
        <source>All plans…</source>
        <translation>All plans…</translation>
    </message>
    <message>
        <source>Print / PDF…</source>
        <translation>Print / PDF…</translation>
    </message>
    <message>
        <source>Save the plan as a one- or two-page card for the counter drawer</source>
        <translation>Save the plan as a one- or two-page card for the counter drawer</translation>
    </message>
    <message>
        <source>Show the draft</source>
        <translation>Show the draft</translation>
    </message>
    <message>
        <source>Select a plan to read it here.</source>
        <translation>Select a plan to read it here.</translation>
    </message>
    <message>
        <source>Draft version %1, not yet approved</source>
        <translation>Draft version %1, not yet approved</translation>
    </message>
    <message>
        <source>Version %1 in use; a draft is waiting for approval</source>
        <translation>Version %1 in use; a draft is waiting for approval</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Selected plans (%1)…</source>
        <translation>Selected plans (%1)…</translation>
    </message>
    <message>
        <source>Approve the draft</source>
        <translation>Approve the draft</translation>
    </message>
    <message>
        <source>Approve version %1 of %2 “%3”?</source>
        <translation>Approve version %1 of %2 “%3”?</translation>
    </message>
    <message>
        <source>It replaces version %1, which is retired.</source>
        <translation>It replaces version %1, which is retired.</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Discard the draft</translation>
    </message>
    <message>
        <source>%1 has never been approved: discarding its draft removes the plan. Continue?</source>
        <translation>%1 has never been approved: discarding its draft removes the plan. Continue?</translation>
    </message>
    <message>
        <source>Discard the draft of %1? The approved version stays in use.</source>
        <translation>Discard the draft of %1? The approved version stays in use.</translation>
    </message>
    <message>
        <source>Preview / Print…</source>
        <translation>Preview / Print…</translation>
    </message>
</context>
<context>
    <name>ClosingDialog</name>
    <message>
        <source>Milestones not recorded for this major hazard: %1. Record them as remediation steps first, or give the reason for going ahead without them; the reason is kept in its history.</source>
        <translation>Milestones not recorded for this major hazard: %1. Record them as remediation steps first, or give the reason for going ahead without them; the reason is kept in its history.</translation>
    </message>
    <message>
        <source>Why go ahead without them?</source>
        <translation>Why go ahead without them?</translation>
    </message>
    <message>
        <source>Please give the reason, or record the milestones first.</source>
        <translation>Please give the reason, or record the milestones first.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Please fill this in.</source>
        <translation>Please fill this in.</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Add a new entry (Ins)</source>
        <translation>Add a new entry (Ins)</translation>
    </message>
    <message>
        <source>Edit the selected entry (Enter or F2)</source>
        <translation>Edit the selected entry (Enter or F2)</translation>
    </message>
    <message>
        <source>Remove the selected entry (Del)</source>
        <translation>Remove the selected entry (Del)</translation>
    </message>
</context>
<context>
    <name>RegisterExporter</name>
    <message>
        <source>Hazard %1 of %2</source>
        <translation>Hazard %1 of %2</translation>
    </message>
    <message>
        <source>Laying out page %1</source>
        <translation>Laying out page %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>hazard-register</source>
        <translation>hazard-register</translation>
    </message>
    <message>
        <source>Export the hazard register</source>
        <translation>Export the hazard register</translation>
    </message>
    <message>
        <source>Exporting the hazard register…</source>
        <translation>Exporting the hazard register…</translation>
    </message>
    <message>
        <source>Hazard register</source>
        <translation>Hazard register</translation>
    </message>
</context>
<context>
    <name>RemediationStepsModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>Coming up</translation>
    </message>
</context>
<context>
    <name>ReminderRowsModel</name>
    <message>
        <source>%2 missed since %3 · %1</source>
        <translation>%2 missed since %3 · %1</translation>
    </message>
    <message>
        <source>%1: %2 missed, from %3 to %4. Snooze and Dismiss act on all of them.</source>
        <translation>%1: %2 missed, from %3 to %4. Snooze and Dismiss act on all of them.</translation>
    </message>
</context>
<context>
    <name>ReportFieldsDialog</name>
    <message>
        <source>Initial report to head office</source>
        <translation>Initial report to head office</translation>
    </message>
    <message>
        <source>What head office needs in the first report. Saving logs the change.</source>
        <translation>What head office needs in the first report. Saving logs the change.</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>add role %1</source>
        <translation>add role %1</translation>
    </message>
    <message>
        <source>“%1” is responsible for these steps: %2. Give them another role first.</source>
        <translation>“%1” is responsible for these steps: %2. Give them another role first.</translation>
    </message>
    <message>
        <source>remove role %1</source>
        <translation>remove role %1</translation>
    </message>
    <message>
        <source>These steps use the code “%2”: %1. It cannot change while they do.</source>
        <translation>These steps use the code “%2”: %1. It cannot change while they do.</translation>
    </message>
    <message>
        <source>The plan already has a role “%1”.</source>
        <translation>The plan already has a role “%1”.</translation>
    </message>
    <message>
        <source>edit role %1</source>
        <translation>edit role %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>Name (Chinese)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Responsible for these steps: %1</source>
        <translation>Responsible for these steps: %1</translation>
    </message>
</context>
<context>
    <name>RolesPanel</name>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Contacts the plan calls</source>
        <translation>Contacts the plan calls</translation>
    </message>
    <message>
        <source>Who the steps are assigned to: branch posts or teams of this plan. Double-click a cell to edit it.</source>
        <translation>Who the steps are assigned to: branch posts or teams of this plan. Double-click a cell to edit it.</translation>
    </message>
    <message>
        <source>Ticked contacts appear on the plan's call list. The list comes from People &amp; contacts.</source>
        <translation>Ticked contacts appear on the plan's call list. The list comes from People &amp; contacts.</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Add role</translation>
    </message>
    <message>
        <source>Add a team or role of this plan, then name it</source>
        <translation>Add a team or role of this plan, then name it</translation>
    </message>
    <message>
        <source>Add a branch post</source>
        <translation>Add a branch post</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Remove role</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Not in the branch's contact list</source>
        <translation>Not in the branch's contact list</translation>
    </message>
    <message>
        <source>change the contacts</source>
        <translation>change the contacts</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Compliance rule</source>
        <translation>Compliance rule</translation>
    </message>
    <message>
        <source>New compliance rule</source>
        <translation>New compliance rule</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>Name (Chinese)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>At least every</source>
        <translation>At least every</translation>
    </message>
    <message>
        <source> month(s)</source>
        <translation> month(s)</translation>
    </message>
    <message>
        <source>Scenarios that count</source>
        <translation>Scenarios that count</translation>
    </message>
    <message>
        <source>Drill types that count</source>
        <translation>Drill types that count</translation>
    </message>
    <message>
        <source>Source (regulation)</source>
        <translation>Source (regulation)</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>checked in the compliance view</source>
        <translation>checked in the compliance view</translation>
    </message>
    <message>
        <source>the defaults every region inherits</source>
        <translation>the defaults every region inherits</translation>
    </message>
    <message>
        <source>No scenario, type or tier ticked: any drill counts. Saved for %1.</source>
        <translation>No scenario, type or tier ticked: any drill counts. Saved for %1.</translation>
    </message>
    <message>
        <source>Notify before each drill</source>
        <translation>Notify before each drill</translation>
    </message>
    <message>
        <source> working day(s)</source>
        <translation> working day(s)</translation>
    </message>
    <message>
        <source>Plan tiers that count</source>
        <translation>Plan tiers that count</translation>
    </message>
</context>
<context>
    <name>SearchHitsModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Library for branches</source>
        <translation>Library for branches</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Choose a Chinese TrueType font</source>
        <translation>Choose a Chinese TrueType font</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType fonts (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>Checking the font…</source>
        <translation>Checking the font…</translation>
    </message>
    <message>
        <source>embedded in every PDF</source>
        <translation>embedded in every PDF</translation>
    </message>
    <message>
        <source>Reports use: %1</source>
        <translation>Reports use: %1</translation>
    </message>
    <message>
        <source>Branch settings saved.</source>
        <translation>Branch settings saved.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Applies at once to the window; the command line and new reports use it too.</source>
        <translation>Applies at once to the window; the command line and new reports use it too.</translation>
    </message>
    <message>
        <source>Chinese font for PDF reports</source>
        <translation>Chinese font for PDF reports</translation>
    </message>
    <message>
        <source>Automatic: search the fonts installed on this PC</source>
        <translation>Automatic: search the fonts installed on this PC</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Use automatic search</source>
        <translation>Use automatic search</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <source>Read-only here. Start BranchGuard with --db URL or set the environment variable BRANCHGUARD_DB to use a shared PostgreSQL database instead of the file in the data folder.</source>
        <translation>Read-only here. Start BranchGuard with --db URL or set the environment variable BRANCHGUARD_DB to use a shared PostgreSQL database instead of the file in the data folder.</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>Branch name</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>Branch code</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Wrong passwords before an account locks</source>
        <translation>Wrong passwords before an account locks</translation>
    </message>
    <message>
        <source>Lock duration (minutes)</source>
        <translation>Lock duration (minutes)</translation>
    </message>
    <message>
        <source>Save branch settings</source>
        <translation>Save branch settings</translation>
    </message>
    <message>
        <source>Only the safety lead can change the branch settings.</source>
        <translation>Only the safety lead can change the branch settings.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Anchors</source>
        <translation>Anchors</translation>
    </message>
    <message>
        <source>Head-office library</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start BranchGuard when I log on</source>
        <translation>Start BranchGuard when I log on</translation>
    </message>
    <message>
        <source>So that reminders come even when nobody opened it. Only for this account on this PC.</source>
        <translation>So that reminders come even when nobody opened it. Only for this account on this PC.</translation>
    </message>
    <message>
        <source>Only the safety lead can choose the report font.</source>
        <translation>Only the safety lead can choose the report font.</translation>
    </message>
</context>
<context>
    <name>SeverityPolicyDialog</name>
    <message>
        <source>Hazard severity policy</source>
        <translation>Hazard severity policy</translation>
    </message>
    <message>
        <source>Deadlines count from when a hazard is opened. Hazards opened after a change follow it; open ones keep their deadlines.</source>
        <translation>Deadlines count from when a hazard is opened. Hazards opened after a change follow it; open ones keep their deadlines.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys of the whole window first, then those of the page in front.</source>
        <translation>Keys of the whole window first, then those of the page in front.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>SignaturesBox</name>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>The reviewer must be a different person from the inspector</source>
        <translation>The reviewer must be a different person from the inspector</translation>
    </message>
    <message>
        <source>The reviewer must be a different person from the inspector.</source>
        <translation>The reviewer must be a different person from the inspector.</translation>
    </message>
    <message>
        <source>Type or pick the name of the person who signs.</source>
        <translation>Type or pick the name of the person who signs.</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 (recorded by %3)</source>
        <translation>Signed by %1 on %2 (recorded by %3)</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Sign again</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip step %1</source>
        <translation>Skip step %1</translation>
    </message>
    <message>
        <source>Why is it skipped?</source>
        <translation>Why is it skipped?</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>Snooze until</translation>
    </message>
    <message>
        <source>Show again at</source>
        <translation>Show again at</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>No staff on the roster yet. Add… (Ins) adds a person with their post and mobile, Import roster… takes HR's sheet saved as CSV: the contact card, the team roles and follow mode name them.</source>
        <translation>No staff on the roster yet. Add… (Ins) adds a person with their post and mobile, Import roster… takes HR's sheet saved as CSV: the contact card, the team roles and follow mode name them.</translation>
    </message>
    <message>
        <source>No staff on the roster yet.</source>
        <translation>No staff on the roster yet.</translation>
    </message>
    <message>
        <source>Nobody on the roster matches the search and filters.</source>
        <translation>Nobody on the roster matches the search and filters.</translation>
    </message>
    <message>
        <source>All posts</source>
        <translation>All posts</translation>
    </message>
    <message>
        <source>On duty or not</source>
        <translation>On duty or not</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <source>Remove %1 from the staff roster?</source>
        <translation>Remove %1 from the staff roster?</translation>
    </message>
    <message numerus="yes">
        <source>%1 still owns %n open item(s), which will name nobody on the roster:</source>
        <translation>
            <numerusform>%1 still owns %n open item, which will name nobody on the roster:</numerusform>
            <numerusform>%1 still owns %n open items, which will name nobody on the roster:</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Hand them over to someone first (No), or remove %1 anyway?</source>
        <translation>Hand them over to someone first (No), or remove %1 anyway?</translation>
    </message>
    <message numerus="yes">
        <source>%n staff member(s) shown</source>
        <translation>
            <numerusform>%n staff member shown</numerusform>
            <numerusform>%n staff members shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>Add a staff member</translation>
    </message>
    <message>
        <source>Edit the selected staff member</source>
        <translation>Edit the selected staff member</translation>
    </message>
    <message>
        <source>Remove the selected staff member</source>
        <translation>Remove the selected staff member</translation>
    </message>
    <message>
        <source>Search staff by name or phone</source>
        <translation>Search staff by name or phone</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>StartIncidentDialog</name>
    <message>
        <source>Start an incident</source>
        <translation>Start an incident</translation>
    </message>
    <message>
        <source>Type a code or a few characters of the plan; Enter starts the first one.</source>
        <translation>Type a code or a few characters of the plan; Enter starts the first one.</translation>
    </message>
    <message>
        <source>Code or name, e.g. FIRE or robbery</source>
        <translation>Code or name, e.g. FIRE or robbery</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>This is a drill</source>
        <translation>This is a drill</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ad hoc: “%1” (no playbook)</source>
        <translation>Ad hoc: “%1” (no playbook)</translation>
    </message>
    <message>
        <source>Ad hoc (no playbook)</source>
        <translation>Ad hoc (no playbook)</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>No warning in force</source>
        <translation>No warning in force</translation>
    </message>
    <message>
        <source>Open that incident</source>
        <translation>Open that incident</translation>
    </message>
    <message>
        <source>Reading the playbooks…</source>
        <translation>Reading the playbooks…</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
</context>
<context>
    <name>StartInspectionDialog</name>
    <message>
        <source>Start inspection</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <source>This run completes the due inspection.</source>
        <translation>This run completes the due inspection.</translation>
    </message>
    <message>
        <source>e.g. banking hall, self-service area, vault</source>
        <translation>e.g. banking hall, self-service area, vault</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Add a remediation step</source>
        <translation>Add a remediation step</translation>
    </message>
    <message>
        <source>Add a photo…</source>
        <translation>Add a photo…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Evidence photos</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <source>Say what was done.</source>
        <translation>Say what was done.</translation>
    </message>
</context>
<context>
    <name>StepDiffModel</name>
    <message>
        <source>Old version</source>
        <translation>Old version</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>moved from %1</source>
        <translation>moved from %1</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>Text (Chinese)</source>
        <translation>Text (Chinese)</translation>
    </message>
    <message>
        <source>Condition (Chinese)</source>
        <translation>Condition (Chinese)</translation>
    </message>
    <message>
        <source>Responsible role</source>
        <translation>Responsible role</translation>
    </message>
    <message>
        <source>Target time</source>
        <translation>Target time</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>Text (English)</translation>
    </message>
    <message>
        <source>Condition (English)</source>
        <translation>Condition (English)</translation>
    </message>
    <message>
        <source>Then go to</source>
        <translation>Then go to</translation>
    </message>
    <message>
        <source>Reporting (上报)</source>
        <translation>Reporting (上报)</translation>
    </message>
    <message>
        <source>optional, e.g. 如有人员受伤</source>
        <translation>optional, e.g. 如有人员受伤</translation>
    </message>
    <message>
        <source>optional, e.g. If anyone is injured</source>
        <translation>optional, e.g. If anyone is injured</translation>
    </message>
    <message>
        <source>Mandatory report, deadline</source>
        <translation>Mandatory report, deadline</translation>
    </message>
    <message>
        <source>A reporting checkpoint: the report must be made within the deadline after the start.</source>
        <translation>A reporting checkpoint: the report must be made within the deadline after the start.</translation>
    </message>
    <message>
        <source>Minutes from the start of the incident; — means no target.</source>
        <translation>Minutes from the start of the incident; — means no target.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Select a step to edit it, or press Ins to add one.</source>
        <translation>Select a step to edit it, or press Ins to add one.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>— nobody in particular —</source>
        <translation>— nobody in particular —</translation>
    </message>
    <message>
        <source>%1 (not a role of this plan)</source>
        <translation>%1 (not a role of this plan)</translation>
    </message>
    <message>
        <source>— no jump —</source>
        <translation>— no jump —</translation>
    </message>
    <message>
        <source>(no text yet)</source>
        <translation>(no text yet)</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <source>add step %1</source>
        <translation>add step %1</translation>
    </message>
    <message>
        <source>remove step %1</source>
        <translation>remove step %1</translation>
    </message>
    <message>
        <source>move step %1</source>
        <translation>move step %1</translation>
    </message>
    <message>
        <source>edit step %1</source>
        <translation>edit step %1</translation>
    </message>
    <message>
        <source>Step (Chinese)</source>
        <translation>Step (Chinese)</translation>
    </message>
    <message>
        <source>Step (English)</source>
        <translation>Step (English)</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Report within</source>
        <translation>Report within</translation>
    </message>
    <message>
        <source>If … go to</source>
        <translation>If … go to</translation>
    </message>
    <message>
        <source>Target time, in minutes from the start of the incident</source>
        <translation>Target time, in minutes from the start of the incident</translation>
    </message>
    <message>
        <source>Mandatory reporting checkpoint (上报) and its deadline</source>
        <translation>Mandatory reporting checkpoint (上报) and its deadline</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>→ step %1</source>
        <translation>→ step %1</translation>
    </message>
    <message>
        <source>→ step %2: %1</source>
        <translation>→ step %2: %1</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>no deadline</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <source>Add step</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>Add a step after the selected one</source>
        <translation>Add a step after the selected one</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Remove the selected step</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>Move the selected step up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>Move the selected step down</translation>
    </message>
    <message>
        <source>Drag a step, or press Ctrl+Up / Ctrl+Down, to change the order.</source>
        <translation>Drag a step, or press Ctrl+Up / Ctrl+Down, to change the order.</translation>
    </message>
    <message>
        <source>Step %1 was removed.</source>
        <translation>Step %1 was removed.</translation>
    </message>
    <message>
        <source>The jumps to it from these steps were cleared: %1.</source>
        <translation>The jumps to it from these steps were cleared: %1.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Mark the selected step done (Ctrl+D, or Enter in the list)</source>
        <translation>Mark the selected step done (Ctrl+D, or Enter in the list)</translation>
    </message>
    <message>
        <source>Skip…</source>
        <translation>Skip…</translation>
    </message>
    <message>
        <source>Skip the selected step, giving a reason (Ctrl+K)</source>
        <translation>Skip the selected step, giving a reason (Ctrl+K)</translation>
    </message>
    <message>
        <source>In the step list: mark the selected step done</source>
        <translation>In the step list: mark the selected step done</translation>
    </message>
    <message>
        <source>Steps (%1 of %2 done or skipped)</source>
        <translation>Steps (%1 of %2 done or skipped)</translation>
    </message>
    <message>
        <source>Every step is done or skipped.</source>
        <translation>Every step is done or skipped.</translation>
    </message>
    <message>
        <source>Now: step %1 · %2</source>
        <translation>Now: step %1 · %2</translation>
    </message>
    <message>
        <source>Next: step %1 · %2</source>
        <translation>Next: step %1 · %2</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <source>Submit the inspection</source>
        <translation>Submit the inspection</translation>
    </message>
    <message>
        <source>Once submitted the inspection cannot be changed; a correction is an amendment.</source>
        <translation>Once submitted the inspection cannot be changed; a correction is an amendment.</translation>
    </message>
    <message>
        <source>Inspector: %1 · Reviewer: %2</source>
        <translation>Inspector: %1 · Reviewer: %2</translation>
    </message>
    <message>
        <source>(to be signed later)</source>
        <translation>(to be signed later)</translation>
    </message>
    <message numerus="yes">
        <source>It opens %n hazard(s) in the register:</source>
        <translation>
            <numerusform>It opens %n hazard in the register:</numerusform>
            <numerusform>It opens %n hazards in the register:</numerusform>
        </translation>
    </message>
    <message>
        <source>No item failed: it opens no hazard.</source>
        <translation>No item failed: it opens no hazard.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Edit checklist %1</source>
        <translation>Edit checklist %1</translation>
    </message>
    <message>
        <source>New checklist</source>
        <translation>New checklist</translation>
    </message>
    <message>
        <source>What changed and why (kept in the version history)</source>
        <translation>What changed and why (kept in the version history)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>Name (Chinese)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>Default cadence</source>
        <translation>Default cadence</translation>
    </message>
    <message>
        <source>Change note</source>
        <translation>Change note</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <source>Items (in the order they are checked)</source>
        <translation>Items (in the order they are checked)</translation>
    </message>
    <message>
        <source>A text may use a setting of the checklist as {name}, e.g. {retention_days}.</source>
        <translation>A text may use a setting of the checklist as {name}, e.g. {retention_days}.</translation>
    </message>
    <message>
        <source>Item (Chinese)</source>
        <translation>Item (Chinese)</translation>
    </message>
    <message>
        <source>Item (English)</source>
        <translation>Item (English)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Pass when (Chinese)</source>
        <translation>Pass when (Chinese)</translation>
    </message>
    <message>
        <source>Pass when (English)</source>
        <translation>Pass when (English)</translation>
    </message>
    <message>
        <source>Photo on fail</source>
        <translation>Photo on fail</translation>
    </message>
    <message>
        <source>Severity on fail</source>
        <translation>Severity on fail</translation>
    </message>
    <message>
        <source>A checklist needs at least one item.</source>
        <translation>A checklist needs at least one item.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>none: see the tooltip</source>
        <translation>none: see the tooltip</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Cadence</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Next due</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>draft pending</source>
        <translation>draft pending</translation>
    </message>
    <message>
        <source>Paused (%1)</source>
        <translation>Paused (%1)</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Not scheduled</translation>
    </message>
</context>
<context>
    <name>TrailExporter</name>
    <message>
        <source>audit-trail</source>
        <translation>audit-trail</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;PDF files (*.pdf)</source>
        <translation>Excel workbooks (*.xlsx);;PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>%1 of %2 events written</source>
        <translation>%1 of %2 events written</translation>
    </message>
    <message>
        <source>Exporting the audit trail…</source>
        <translation>Exporting the audit trail…</translation>
    </message>
</context>
<context>
    <name>TrayKeeper</name>
    <message>
        <source>Close BranchGuard</source>
        <translation>Close BranchGuard</translation>
    </message>
    <message>
        <source>Reminders are showing or due within a day.</source>
        <translation>Reminders are showing or due within a day.</translation>
    </message>
    <message>
        <source>Keep BranchGuard running in the system tray so that they still pop up on time? Open it again from the tray icon.</source>
        <translation>Keep BranchGuard running in the system tray so that they still pop up on time? Open it again from the tray icon.</translation>
    </message>
    <message>
        <source>Keep reminding in the tray</source>
        <translation>Keep reminding in the tray</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Open BranchGuard</source>
        <translation>Open BranchGuard</translation>
    </message>
    <message>
        <source>BranchGuard keeps running here and reminds you on time.</source>
        <translation>BranchGuard keeps running here and reminds you on time.</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>Quit BranchGuard</source>
        <translation>Quit BranchGuard</translation>
    </message>
    <message>
        <source>Text typed in the log box is not in the incident log yet: %1.</source>
        <translation>Text typed in the log box is not in the incident log yet: %1.</translation>
    </message>
    <message>
        <source>Quitting now loses that text. Everything already in the incident log is saved.</source>
        <translation>Quitting now loses that text. Everything already in the incident log is saved.</translation>
    </message>
    <message>
        <source>An incident is still open: %1.</source>
        <translation>An incident is still open: %1.</translation>
    </message>
    <message>
        <source>Everything in its log is saved, and it opens again at the next start. Quit anyway?</source>
        <translation>Everything in its log is saved, and it opens again at the next start. Quit anyway?</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Keep working</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>UnsavedHazardEdits</name>
    <message>
        <source>Changes not saved</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <source>Your changes to %1 are not saved.</source>
        <translation>Your changes to %1 are not saved.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>A closed hazard can no longer be edited: close it now and these changes are lost.</source>
        <translation>A closed hazard can no longer be edited: close it now and these changes are lost.</translation>
    </message>
    <message>
        <source>Save and close…</source>
        <translation>Save and close…</translation>
    </message>
    <message>
        <source>Close without saving…</source>
        <translation>Close without saving…</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add user account</source>
        <translation>Add user account</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>New password for %1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Account “%1” created.</source>
        <translation>Account “%1” created.</translation>
    </message>
    <message>
        <source>Password of “%1” changed.</source>
        <translation>Password of “%1” changed.</translation>
    </message>
    <message>
        <source>“%1” can log in again.</source>
        <translation>“%1” can log in again.</translation>
    </message>
    <message>
        <source>“%1” disabled.</source>
        <translation>“%1” disabled.</translation>
    </message>
    <message>
        <source>“%1” enabled.</source>
        <translation>“%1” enabled.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Created at</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>Approved at</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>_RuleBox</name>
    <message>
        <source> day(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <source>Fixed within</source>
        <translation>Fixed within</translation>
    </message>
    <message>
        <source> hour(s)</source>
        <translation> hour(s)</translation>
    </message>
    <message>
        <source>Interim control within</source>
        <translation>Interim control within</translation>
    </message>
    <message>
        <source>Remediation plan within</source>
        <translation>Remediation plan within</translation>
    </message>
    <message>
        <source>Report to head office</source>
        <translation>Report to head office</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>left_work</name>
    <message>
        <source>Work begun before the user changed has ended: %1</source>
        <translation>Work begun before the user changed has ended: %1</translation>
    </message>
    <message>
        <source>Work begun before the user changed has failed: %1</source>
        <translation>Work begun before the user changed has failed: %1</translation>
    </message>
</context>
<context>
    <name>ComplaintFilterBar</name>
    <message>
        <source>Search number, name, words</source>
        <translation>Search number, name, words</translation>
    </message>
    <message>
        <source>The number (TS-2026-0007 or 7; TS-2026 or 2026 lists that year's), the customer's name (in full only if you may see it unmasked, a search the audit trail records; otherwise as shown: 张*), the staff member complained about, or words of the request or the facts</source>
        <translation>The number (TS-2026-0007 or 7; TS-2026 or 2026 lists that year's), the customer's name (in full only if you may see it unmasked, a search the audit trail records; otherwise as shown: 张*), the staff member complained about, or words of the request or the facts</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Received any time</source>
        <translation>Received any time</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>Dates received</source>
        <translation>Dates received</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <source>Handler…</source>
        <translation>Handler…</translation>
    </message>
    <message>
        <source>Investigate…</source>
        <translation>Investigate…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Decide…</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>Archive…</translation>
    </message>
    <message>
        <source>Extend…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <source>Withdrawal…</source>
        <translation>Withdrawal…</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Customer complaints</source>
        <translation>Customer complaints</translation>
    </message>
    <message>
        <source>Complaints must be decided and replied to within 15 days of receipt (30 or 60 when extended). Identifiers are masked.</source>
        <translation>Complaints must be decided and replied to within 15 days of receipt (30 or 60 when extended). Identifiers are masked.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Select a complaint to see its steps.</source>
        <translation>Select a complaint to see its steps.</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) shown</source>
        <translation>
            <numerusform>%n complaint shown</numerusform>
            <numerusform>%n complaints shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview / Print</source>
        <translation>Preview / Print</translation>
    </message>
    <message>
        <source>The selected complaint's file or the register as filtered</source>
        <translation>The selected complaint's file or the register as filtered</translation>
    </message>
    <message>
        <source>No complaint matches these filters.</source>
        <translation>No complaint matches these filters.</translation>
    </message>
    <message>
        <source>No open complaints.</source>
        <translation>No open complaints.</translation>
    </message>
    <message>
        <source>No open complaints. Register… records one as it is received; untick “Open only” to list those archived or withdrawn.</source>
        <translation>No open complaints. Register… records one as it is received; untick “Open only” to list those archived or withdrawn.</translation>
    </message>
    <message>
        <source>No complaints yet.</source>
        <translation>No complaints yet.</translation>
    </message>
    <message>
        <source>No complaints yet. Register… records one as it is received.</source>
        <translation>No complaints yet. Register… records one as it is received.</translation>
    </message>
    <message>
        <source>Steps of the selected complaint</source>
        <translation>Steps of the selected complaint</translation>
    </message>
</context>
<context>
    <name>ComplaintListModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintRegisterDialog</name>
    <message>
        <source>Register a complaint</source>
        <translation>Register a complaint</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Identity number</translation>
    </message>
    <message>
        <source>Representatives</source>
        <translation>Representatives</translation>
    </message>
    <message>
        <source>Person complained about</source>
        <translation>Person complained about</translation>
    </message>
    <message>
        <source>Post complained about</source>
        <translation>Post complained about</translation>
    </message>
    <message>
        <source>Business line</source>
        <translation>Business line</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>Told on acceptance</source>
        <translation>Told on acceptance</translation>
    </message>
    <message>
        <source>Group complaint: at most 5 names, separated by commas</source>
        <translation>Group complaint: at most 5 names, separated by commas</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Came with incident</source>
        <translation>Came with incident</translation>
    </message>
    <message>
        <source>First responsible</source>
        <translation>First responsible</translation>
    </message>
    <message>
        <source>Default: you, who register it</source>
        <translation>Default: you, who register it</translation>
    </message>
</context>
<context>
    <name>ComplaintStepDialog</name>
    <message>
        <source>— choose the cause —</source>
        <translation>— choose the cause —</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>Rule or contract clause</source>
        <translation>Rule or contract clause</translation>
    </message>
    <message>
        <source>Replied by</source>
        <translation>Replied by</translation>
    </message>
    <message>
        <source>Remedies stated</source>
        <translation>Remedies stated</translation>
    </message>
    <message>
        <source>Customer's response</source>
        <translation>Customer's response</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Evidence: CCTV stills, vouchers, recordings</source>
        <translation>Evidence: CCTV stills, vouchers, recordings</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <source>Hazards to open</source>
        <translation>Hazards to open</translation>
    </message>
    <message>
        <source>One hazard per line; each is opened for the handler</source>
        <translation>One hazard per line; each is opened for the handler</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>Follow-up actions</translation>
    </message>
    <message>
        <source>Also open a hazard for the follow-up</source>
        <translation>Also open a hazard for the follow-up</translation>
    </message>
    <message>
        <source>Final category</source>
        <translation>Final category</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Keep: %1</translation>
    </message>
</context>
<context>
    <name>ComplaintExtendDialog</name>
    <message>
        <source>Extend the deadline · %1</source>
        <translation>Extend the deadline · %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Superior's approver</source>
        <translation>Superior's approver</translation>
    </message>
    <message>
        <source>Customer told by</source>
        <translation>Customer told by</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>First extension: to 30 days. Second: to 60 days, with the superior's approver named. Decided on paper before the deadline and entered later: give when it was decided.</source>
        <translation>First extension: to 30 days. Second: to 60 days, with the superior's approver named. Decided on paper before the deadline and entered later: give when it was decided.</translation>
    </message>
</context>
<context>
    <name>ComplaintAssignDialog</name>
    <message>
        <source>Handler · %1</source>
        <translation>Handler · %1</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>Handler</translation>
    </message>
</context>
<context>
    <name>ComplaintWithdrawDialog</name>
    <message>
        <source>Withdrawal · %1</source>
        <translation>Withdrawal · %1</translation>
    </message>
    <message>
        <source>Withdrawal received at</source>
        <translation>Withdrawal received at</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Branch at a glance</source>
        <translation>Branch at a glance</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Click a number to see the records it counts.</source>
        <translation>Click a number to see the records it counts.</translation>
    </message>
    <message>
        <source>As of %1. </source>
        <translation>As of %1. </translation>
    </message>
    <message>
        <source>Incidents and drills by month</source>
        <translation>Incidents and drills by month</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Hazards opened, verified or closed</source>
        <translation>Hazards opened, verified or closed</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Verified or closed</source>
        <translation>Verified or closed</translation>
    </message>
    <message>
        <source>Open at month end</source>
        <translation>Open at month end</translation>
    </message>
    <message>
        <source>Inspections done on schedule (%) and drill scores</source>
        <translation>Inspections done on schedule (%) and drill scores</translation>
    </message>
    <message>
        <source>Inspections done (%)</source>
        <translation>Inspections done (%)</translation>
    </message>
    <message>
        <source>Drill score (of 100)</source>
        <translation>Drill score (of 100)</translation>
    </message>
    <message>
        <source>Periodic report…</source>
        <translation>Periodic report…</translation>
    </message>
    <message>
        <source>The safety management report (网点安全管理工作报告) of a month, a quarter or a year</source>
        <translation>The safety management report (网点安全管理工作报告) of a month, a quarter or a year</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Building the report… %1 of %2</source>
        <translation>Building the report… %1 of %2</translation>
    </message>
    <message>
        <source>Laying out page %1…</source>
        <translation>Laying out page %1…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Send the pages to a printer (Ctrl+P)</source>
        <translation>Send the pages to a printer (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Save the report shown as a PDF file (Ctrl+S)</source>
        <translation>Save the report shown as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The report font fell back: %1</source>
        <translation>The report font fell back: %1</translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>The report could not be built: %1</translation>
    </message>
    <message numerus="yes">
        <source>of %n page(s)</source>
        <translation>
            <numerusform>of %n page</numerusform>
            <numerusform>of %n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>A page could not be shown: %1</source>
        <translation>A page could not be shown: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>The printer could not be opened.</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Printing failed: %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>The PDF could not be saved: %1</source>
        <translation>The PDF could not be saved: %1</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
</context>
<context>
    <name>ComplaintPapers</name>
    <message>
        <source>Complaint file %1</source>
        <translation>Complaint file %1</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>Complaint register</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the complaint register</source>
        <translation>Export the complaint register</translation>
    </message>
    <message>
        <source>Exporting the complaint register…</source>
        <translation>Exporting the complaint register…</translation>
    </message>
    <message>
        <source>The register as filtered, to Excel…</source>
        <translation>The register as filtered, to Excel…</translation>
    </message>
    <message>
        <source>The register as filtered, with statistics…</source>
        <translation>The register as filtered, with statistics…</translation>
    </message>
    <message>
        <source>The selected complaint's file…</source>
        <translation>The selected complaint's file…</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>complaint</translation>
    </message>
    <message>
        <source>complaint-register</source>
        <translation>complaint-register</translation>
    </message>
</context>
<context>
    <name>ReportMenu</name>
    <message>
        <source>Incident report (timeline, steps, outcome)…</source>
        <translation>Incident report (timeline, steps, outcome)…</translation>
    </message>
    <message>
        <source>Initial report to head office…</source>
        <translation>Initial report to head office…</translation>
    </message>
    <message>
        <source>Incident report #%1</source>
        <translation>Incident report #%1</translation>
    </message>
    <message>
        <source>incident-report</source>
        <translation>incident-report</translation>
    </message>
    <message>
        <source>Initial report, incident #%1</source>
        <translation>Initial report, incident #%1</translation>
    </message>
    <message>
        <source>initial-report</source>
        <translation>initial-report</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Head-office library imported: %1 playbook(s), %2 template(s), %3 rule(s), %4 working-day year(s) new or updated.</source>
        <translation>Head-office library imported: %1 playbook(s), %2 template(s), %3 rule(s), %4 working-day year(s) new or updated.</translation>
    </message>
    <message>
        <source>Head-office public key</source>
        <translation>Head-office public key</translation>
    </message>
    <message>
        <source>Key files (*.pem *.pub *.txt);;All files (*)</source>
        <translation>Key files (*.pem *.pub *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Import head-office library</source>
        <translation>Import head-office library</translation>
    </message>
    <message>
        <source>Head-office library (*.zip)</source>
        <translation>Head-office library (*.zip)</translation>
    </message>
    <message>
        <source>Head-office library</source>
        <translation>Head-office library</translation>
    </message>
    <message>
        <source>Trusted head-office key</source>
        <translation>Trusted head-office key</translation>
    </message>
    <message>
        <source>Last library imported</source>
        <translation>Last library imported</translation>
    </message>
    <message>
        <source>Working-day tables cover</source>
        <translation>Working-day tables cover</translation>
    </message>
    <message>
        <source>Trust head-office key…</source>
        <translation>Trust head-office key…</translation>
    </message>
    <message>
        <source>Import head-office library…</source>
        <translation>Import head-office library…</translation>
    </message>
    <message>
        <source>Head office sends approved playbooks, checklist templates, compliance rules and the holiday table for the coming years as one signed file. Trust head office's public key once (compare its fingerprint by phone); a library that is unsigned, changed or signed by another key is refused and nothing is written.</source>
        <translation>Head office sends approved playbooks, checklist templates, compliance rules and the holiday table for the coming years as one signed file. Trust head office's public key once (compare its fingerprint by phone); a library that is unsigned, changed or signed by another key is refused and nothing is written.</translation>
    </message>
    <message>
        <source>none trusted yet</source>
        <translation>none trusted yet</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Checking the library</source>
        <translation>Checking the library</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>Importing the head-office library</source>
        <translation>Importing the head-office library</translation>
    </message>
    <message>
        <source>Nothing to change: this installation already holds everything.</source>
        <translation>Nothing to change: this installation already holds everything.</translation>
    </message>
    <message>
        <source>Head-office key %1 is trusted: compare it with the fingerprint head office states.</source>
        <translation>Head-office key %1 is trusted: compare it with the fingerprint head office states.</translation>
    </message>
    <message>
        <source>%1, made %2, imported %3 by %4</source>
        <translation>%1, made %2, imported %3 by %4</translation>
    </message>
    <message>
        <source>Trust head office's key first (Trust head-office key…): a library is proved against it.</source>
        <translation>Trust head office's key first (Trust head-office key…): a library is proved against it.</translation>
    </message>
    <message>
        <source>Only the safety lead can trust head office's key and import its library.</source>
        <translation>Only the safety lead can trust head office's key and import its library.</translation>
    </message>
</context>
<context>
    <name>LibraryPreviewDialog</name>
    <message>
        <source>This library cannot be imported: a signed library is applied whole or not at all, and these items of its checklists start a plan that would not be in force here:</source>
        <translation>This library cannot be imported: a signed library is applied whole or not at all, and these items of its checklists start a plan that would not be in force here:</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>Checklist templates</source>
        <translation>Checklist templates</translation>
    </message>
    <message>
        <source>Compliance rules</source>
        <translation>Compliance rules</translation>
    </message>
    <message>
        <source>Working-day years</source>
        <translation>Working-day years</translation>
    </message>
    <message>
        <source>Import head-office library</source>
        <translation>Import head-office library</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Everything is applied in one transaction: if anything fails, nothing changes. A local draft stays a draft, after the version from head office.</source>
        <translation>Everything is applied in one transaction: if anything fails, nothing changes. A local draft stays a draft, after the version from head office.</translation>
    </message>
    <message>
        <source>Nothing to change: this installation already holds everything in the library.</source>
        <translation>Nothing to change: this installation already holds everything in the library.</translation>
    </message>
    <message>
        <source>Library of %1, made %2, signed by the trusted head-office key %3.</source>
        <translation>Library of %1, made %2, signed by the trusted head-office key %3.</translation>
    </message>
    <message>
        <source>What the library changes</source>
        <translation>What the library changes</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Periodic safety report</source>
        <translation>Periodic safety report</translation>
    </message>
    <message>
        <source>The branch's safety management report for head office: the period's figures against the one before, incidents, drills, inspections, hazards and actions.</source>
        <translation>The branch's safety management report for head office: the period's figures against the one before, incidents, drills, inspections, hazards and actions.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Safety report %1</source>
        <translation>Safety report %1</translation>
    </message>
    <message>
        <source>safety-report</source>
        <translation>safety-report</translation>
    </message>
</context>
<context>
    <name>ActionModel</name>
    <message>
        <source>Incident or drill</source>
        <translation>Incident or drill</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Drill, incident #%1</source>
        <translation>Drill, incident #%1</translation>
    </message>
    <message>
        <source>Incident #%1</source>
        <translation>Incident #%1</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>Done %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation>Complaint %1</translation>
    </message>
</context>
<context>
    <name>ActionListPanel</name>
    <message>
        <source>The safety lead marks an action done: tell them when yours is.</source>
        <translation>The safety lead marks an action done: tell them when yours is.</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Open actions</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>Overdue actions</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Actions shown: %1</source>
        <translation>Actions shown: %1</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <source>No overdue corrective actions.</source>
        <translation>No overdue corrective actions.</translation>
    </message>
    <message>
        <source>No open corrective actions. A drill's evaluation and an incident's closing add them, each with its owner and due date; “All actions” lists the done ones too.</source>
        <translation>No open corrective actions. A drill's evaluation and an incident's closing add them, each with its owner and due date; “All actions” lists the done ones too.</translation>
    </message>
    <message>
        <source>No corrective actions yet. A drill's evaluation and an incident's closing add them, each with its owner and due date.</source>
        <translation>No corrective actions yet. A drill's evaluation and an incident's closing add them, each with its owner and due date.</translation>
    </message>
</context>
<context>
    <name>FollowUpBar</name>
    <message>
        <source>Item %1 failed: fire rules require this fault corrected on the spot. Once it is, say what was done (its hazard is then recorded closed).</source>
        <translation>Item %1 failed: fire rules require this fault corrected on the spot. Once it is, say what was done (its hazard is then recorded closed).</translation>
    </message>
    <message>
        <source>Item %1 failed: this starts the %2 plan. Keep the device exactly as found; it is removed only after the police agree.</source>
        <translation>Item %1 failed: this starts the %2 plan. Keep the device exactly as found; it is removed only after the police agree.</translation>
    </message>
    <message>
        <source>What was done on the spot</source>
        <translation>What was done on the spot</translation>
    </message>
    <message>
        <source>Record the correction</source>
        <translation>Record the correction</translation>
    </message>
    <message>
        <source>Start the %1 plan now</source>
        <translation>Start the %1 plan now</translation>
    </message>
</context>
<context>
    <name>BranchesModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Last period</source>
        <translation>Last period</translation>
    </message>
    <message>
        <source>Imported %1; %2 packages</source>
        <translation>Imported %1; %2 packages</translation>
    </message>
    <message>
        <source>Drill rules</source>
        <translation>Drill rules</translation>
    </message>
    <message>
        <source>Hazards open</source>
        <translation>Hazards open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Oldest (days)</source>
        <translation>Oldest (days)</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>By level</source>
        <translation>By level</translation>
    </message>
    <message>
        <source>Mean drill score</source>
        <translation>Mean drill score</translation>
    </message>
    <message>
        <source>Actions overdue</source>
        <translation>Actions overdue</translation>
    </message>
    <message>
        <source>%1 ok · %2 soon · %3 overdue</source>
        <translation>%1 ok · %2 soon · %3 overdue</translation>
    </message>
    <message>
        <source>Mean of the %2 evaluated drills head office holds, whenever held (a period’s is in the regional report); latest: %1</source>
        <translation>Mean of the %2 evaluated drills head office holds, whenever held (a period’s is in the regional report); latest: %1</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>%1 open · %2 overdue</source>
        <translation>%1 open · %2 overdue</translation>
    </message>
    <message>
        <source>Received %1; answered %2, on time %3</source>
        <translation>Received %1; answered %2, on time %3</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>Package for head office…</source>
        <translation>Package for head office…</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Package for head office</source>
        <translation>Package for head office</translation>
    </message>
</context>
<context>
    <name>HeadOfficePage</name>
    <message>
        <source>Branches</source>
        <translation>Branches</translation>
    </message>
    <message>
        <source>Each branch as its imported packages show it. Click a column to sort; hover a figure for its breakdown; double-click it for the records it counts.</source>
        <translation>Each branch as its imported packages show it. Click a column to sort; hover a figure for its breakdown; double-click it for the records it counts.</translation>
    </message>
    <message>
        <source>Import packages…</source>
        <translation>Import packages…</translation>
    </message>
    <message>
        <source>Regional report…</source>
        <translation>Regional report…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Filter by branch code or name</source>
        <translation>Filter by branch code or name</translation>
    </message>
    <message>
        <source>%1 of %2 branches</source>
        <translation>%1 of %2 branches</translation>
    </message>
    <message>
        <source>Select a branch to see its drill rules and incidents.</source>
        <translation>Select a branch to see its drill rules and incidents.</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s), ledger to entry %1, key %2</source>
        <translation>
            <numerusform>%n package, ledger to entry %1, key %2</numerusform>
            <numerusform>%n packages, ledger to entry %1, key %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Drill rules: %1</source>
        <translation>Drill rules: %1</translation>
    </message>
    <message>
        <source>Incidents by category: %1; by level: %2</source>
        <translation>Incidents by category: %1; by level: %2</translation>
    </message>
    <message>
        <source>Drill score: average %1, latest %2, %3 evaluated</source>
        <translation>Drill score: average %1, latest %2, %3 evaluated</translation>
    </message>
    <message>
        <source>Records held: %1</source>
        <translation>Records held: %1</translation>
    </message>
    <message>
        <source>incidents</source>
        <translation>incidents</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>drills</source>
        <translation>drills</translation>
    </message>
    <message>
        <source>inspections</source>
        <translation>inspections</translation>
    </message>
    <message>
        <source>hazards</source>
        <translation>hazards</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>complaints</translation>
    </message>
    <message>
        <source>drill rules</source>
        <translation>drill rules</translation>
    </message>
    <message>
        <source>Import branch packages</source>
        <translation>Import branch packages</translation>
    </message>
    <message>
        <source>Packages (*.zip)</source>
        <translation>Packages (*.zip)</translation>
    </message>
    <message>
        <source>imported: %1 records, %2 ledger entries</source>
        <translation>imported: %1 records, %2 ledger entries</translation>
    </message>
    <message>
        <source>imported before: nothing changed</source>
        <translation>imported before: nothing changed</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <source>Importing packages</source>
        <translation>Importing packages</translation>
    </message>
    <message>
        <source>Regional report %1</source>
        <translation>Regional report %1</translation>
    </message>
    <message>
        <source>Register a branch…</source>
        <translation>Register a branch…</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Imported packages</source>
        <translation>Imported packages</translation>
    </message>
    <message>
        <source>%1 of %2 files taken in or already held; %3 refused.</source>
        <translation>%1 of %2 files taken in or already held; %3 refused.</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>RegionalPeriodDialog</name>
    <message>
        <source>Regional report</source>
        <translation>Regional report</translation>
    </message>
    <message>
        <source>Every branch side by side for a month, a quarter or a year (a year against the year before, and the months not sent).</source>
        <translation>Every branch side by side for a month, a quarter or a year (a year against the year before, and the months not sent).</translation>
    </message>
</context>
<context>
    <name>ExportPeriodPage</name>
    <message>
        <source>Which period</source>
        <translation>Which period</translation>
    </message>
    <message>
        <source>A month (2026-11) or a quarter (2026-Q4). The package carries the period's records, its reports and the ledger since the previous package, signed with this branch's key.</source>
        <translation>A month (2026-11) or a quarter (2026-Q4). The package carries the period's records, its reports and the ledger since the previous package, signed with this branch's key.</translation>
    </message>
    <message>
        <source>Include the PDF reports of the period's incidents and drills</source>
        <translation>Include the PDF reports of the period's incidents and drills</translation>
    </message>
    <message>
        <source>Complainants' names, phones and ID numbers in full (recorded in the audit trail)</source>
        <translation>Complainants' names, phones and ID numbers in full (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>Send the ledger again, from after entry</source>
        <translation>Send the ledger again, from after entry</translation>
    </message>
    <message>
        <source>When head office did not receive a package, or refused it: give the ledger entry its message says it holds (0: from the start).</source>
        <translation>When head office did not receive a package, or refused it: give the ledger entry its message says it holds (0: from the start).</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>ExportPreviewPage</name>
    <message>
        <source>What goes</source>
        <translation>What goes</translation>
    </message>
    <message>
        <source>Counted now from this branch's records; nothing is written yet.</source>
        <translation>Counted now from this branch's records; nothing is written yet.</translation>
    </message>
    <message>
        <source>Incidents, with their full logs</source>
        <translation>Incidents, with their full logs</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <source>Drills and evaluations</source>
        <translation>Drills and evaluations</translation>
    </message>
    <message>
        <source>Inspections and answers</source>
        <translation>Inspections and answers</translation>
    </message>
    <message>
        <source>Hazards and their history</source>
        <translation>Hazards and their history</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Drill rules' status</source>
        <translation>Drill rules' status</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>none: this is the first package</source>
        <translation>none: this is the first package</translation>
    </message>
    <message>
        <source>PDF reports: %1</source>
        <translation>PDF reports: %1</translation>
    </message>
    <message>
        <source>Ledger entries %1 to %2; previous package: %3</source>
        <translation>Ledger entries %1 to %2; previous package: %3</translation>
    </message>
    <message>
        <source>Complainants' identifiers go in full.</source>
        <translation>Complainants' identifiers go in full.</translation>
    </message>
    <message>
        <source>Complaint statistics, month by month</source>
        <translation>Complaint statistics, month by month</translation>
    </message>
</context>
<context>
    <name>ExportSavePage</name>
    <message>
        <source>Where to save it</source>
        <translation>Where to save it</translation>
    </message>
    <message>
        <source>Then take the file to head office, which imports it.</source>
        <translation>Then take the file to head office, which imports it.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Save the package</source>
        <translation>Save the package</translation>
    </message>
    <message>
        <source>Packages (*.zip)</source>
        <translation>Packages (*.zip)</translation>
    </message>
    <message>
        <source>Choose where to save the package.</source>
        <translation>Choose where to save the package.</translation>
    </message>
    <message>
        <source>Making the package</source>
        <translation>Making the package</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>%1; %2; ledger entries %3 to %4; signed with key %5</source>
        <translation>%1; %2; ledger entries %3 to %4; signed with key %5</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n report</numerusform>
            <numerusform>%n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level / category</source>
        <translation>Level / category</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Voided: %1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>%1 (recorded afterwards)</source>
        <translation>%1 (recorded afterwards)</translation>
    </message>
    <message>
        <source>Held without BranchGuard; entered from: %1</source>
        <translation>Held without BranchGuard; entered from: %1</translation>
    </message>
    <message>
        <source>Evaluated on paper by %1</source>
        <translation>Evaluated on paper by %1</translation>
    </message>
    <message>
        <source>Entered %1 by %2</source>
        <translation>Entered %1 by %2</translation>
    </message>
    <message>
        <source>Voided %1 by %2</source>
        <translation>Voided %1 by %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>BranchRecordsDialog</name>
    <message>
        <source>%1 %2: records</source>
        <translation>%1 %2: records</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>Drills</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Hazards</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Drill rules</source>
        <translation>Drill rules</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>%1 records: %2 incidents, %3 drills&apos; runs</source>
        <translation>%1 records: incidents %2, drill runs %3</translation>
    </message>
    <message>
        <source>Complaint statistics</source>
        <translation>Complaint statistics</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
</context>
<context>
    <name>GuideActions</name>
    <message>
        <source>Open a complaint…</source>
        <translation>Open a complaint…</translation>
    </message>
    <message>
        <source>The customer complains: register it with this situation as its facts</source>
        <translation>The customer complains: register it with this situation as its facts</translation>
    </message>
    <message>
        <source>Start the plan %1…</source>
        <translation>Start the plan %1…</translation>
    </message>
    <message>
        <source>Start the plan…</source>
        <translation>Start the plan…</translation>
    </message>
    <message>
        <source>The situation becomes an incident: start the plan this guide links to</source>
        <translation>The situation becomes an incident: start the plan this guide links to</translation>
    </message>
    <message>
        <source>Service situation: %1 (%2)</source>
        <translation>Service situation: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>GuidesButton</name>
    <message>
        <source>Service guide</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <source>What to say and never to do; open a complaint from it, linked to this incident</source>
        <translation>What to say and never to do; open a complaint from it, linked to this incident</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Nobody is on the staff roster yet: add the branch&apos;s staff on the Staff roster tab first, then assign the roles and record their training here.</source>
        <translation>Nobody is on the staff roster yet: add the branch&apos;s staff on the Staff roster tab first, then assign the roles and record their training here.</translation>
    </message>
    <message>
        <source>Team roles</source>
        <translation>Team roles</translation>
    </message>
    <message>
        <source>Every role the approved plans name. Follow mode and the incident report show who holds it; an incident's log names a role whose holder is missing, absent or untrained.</source>
        <translation>Every role the approved plans name. Follow mode and the incident report show who holds it; an incident's log names a role whose holder is missing, absent or untrained.</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Unassign…</source>
        <translation>Unassign…</translation>
    </message>
    <message>
        <source>Unassign a team role</source>
        <translation>Unassign a team role</translation>
    </message>
    <message>
        <source>Nobody will hold this role any more:
%1

Unassign it?</source>
        <translation>Nobody will hold this role any more:
%1

Unassign it?</translation>
    </message>
    <message>
        <source>Every role the approved plans name, and any role still held that none names any more (marked so: unassign it to free its holder). Follow mode and the incident report show who holds a role; an incident's log names a role whose holder is missing, absent or untrained.</source>
        <translation>Every role the approved plans name, and any role still held that none names any more (marked so: unassign it to free its holder). Follow mode and the incident report show who holds a role; an incident's log names a role whose holder is missing, absent or untrained.</translation>
    </message>
    <message>
        <source>Training records</source>
        <translation>Training records</translation>
    </message>
    <message>
        <source>Add training…</source>
        <translation>Add training…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Only expiring within %1 days</source>
        <translation>Only expiring within %1 days</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>%n record shown</numerusform>
            <numerusform>%n records shown</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate expires within %1 days.</source>
        <translation>No certificate expires within %1 days.</translation>
    </message>
    <message>
        <source>No training recorded yet.</source>
        <translation>No training recorded yet.</translation>
    </message>
    <message>
        <source>No training recorded yet: add the staff on the Staff roster tab first.</source>
        <translation>No training recorded yet: add the staff on the Staff roster tab first.</translation>
    </message>
    <message>
        <source>No training recorded yet. Add training… records a course a person took, with its certificate and when it expires.</source>
        <translation>No training recorded yet. Add training… records a course a person took, with its certificate and when it expires.</translation>
    </message>
</context>
<context>
    <name>TeamRolesModel</name>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Training needed</source>
        <translation>Training needed</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
</context>
<context>
    <name>TrainingModel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Training date</source>
        <translation>Training date</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>renewed</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign a team role</source>
        <translation>Assign a team role</translation>
    </message>
    <message>
        <source>(no backup)</source>
        <translation>(no backup)</translation>
    </message>
    <message>
        <source>The backup acts when the holder is off duty; both need the training the role asks for.</source>
        <translation>The backup acts when the holder is off duty; both need the training the role asks for.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Add a training record</source>
        <translation>Add a training record</translation>
    </message>
    <message>
        <source>Edit a training record</source>
        <translation>Edit a training record</translation>
    </message>
    <message>
        <source>Certificate expires on</source>
        <translation>Certificate expires on</translation>
    </message>
    <message>
        <source>A certificate that expires is reminded once, 30 days before it expires.</source>
        <translation>A certificate that expires is reminded once, 30 days before it expires.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Training date</source>
        <translation>Training date</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ReminderNotice</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>Snooze 1 h</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>%1 more under the bell</source>
        <translation>%1 more under the bell</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Overdue since %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>Reminders due: %1</source>
        <translation>Reminders due: %1</translation>
    </message>
    <message>
        <source>Close; the reminders stay under the bell</source>
        <translation>Close; the reminders stay under the bell</translation>
    </message>
</context>
<context>
    <name>AddWarningDialog</name>
    <message>
        <source>Record a warning received</source>
        <translation>Record a warning received</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>Warning text</source>
        <translation>Warning text</translation>
    </message>
    <message>
        <source>Start preparation now (natural-disaster plan)</source>
        <translation>Start preparation now (natural-disaster plan)</translation>
    </message>
</context>
<context>
    <name>LiftWarningDialog</name>
    <message>
        <source>Warning lifted</source>
        <translation>Warning lifted</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Cancelled by its issuer (not lifted)</source>
        <translation>Cancelled by its issuer (not lifted)</translation>
    </message>
</context>
<context>
    <name>WarningLevelDialog</name>
    <message>
        <source>Change the warning level</source>
        <translation>Change the warning level</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>no warning</translation>
    </message>
    <message>
        <source>The incident has %1.</source>
        <translation>The incident has %1.</translation>
    </message>
    <message>
        <source>New warning level</source>
        <translation>New warning level</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Why?</translation>
    </message>
</context>
<context>
    <name>WarningListModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Warning text</source>
        <translation>Warning text</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
</context>
<context>
    <name>PlanOpenQuestion</name>
    <message>
        <source>Warning #%1 is recorded; nothing was started. Log it in that incident, which takes its level only when higher. Start another only for a second, separate event.</source>
        <translation>Warning #%1 is recorded; nothing was started. Log it in that incident, which takes its level only when higher. Start another only for a second, separate event.</translation>
    </message>
    <message>
        <source>Log this warning in that incident, which takes its level only when higher. Start another only for a second, separate event.</source>
        <translation>Log this warning in that incident, which takes its level only when higher. Start another only for a second, separate event.</translation>
    </message>
    <message>
        <source>Raise incident #%1 to %2</source>
        <translation>Raise incident #%1 to %2</translation>
    </message>
    <message>
        <source>Log it in incident #%1</source>
        <translation>Log it in incident #%1</translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Early warnings</source>
        <translation>Early warnings</translation>
    </message>
    <message>
        <source>Warnings received from the weather bureau, the police, head office or emergency management. Start preparation opens the natural-disaster plan at the warning's colour.</source>
        <translation>Warnings received from the weather bureau, the police, head office or emergency management. Start preparation opens the natural-disaster plan at the warning's colour.</translation>
    </message>
    <message>
        <source>Record a warning…</source>
        <translation>Record a warning…</translation>
    </message>
    <message>
        <source>Start preparation</source>
        <translation>Start preparation</translation>
    </message>
    <message>
        <source>Lifted or cancelled…</source>
        <translation>Lifted or cancelled…</translation>
    </message>
    <message>
        <source>Only warnings in force</source>
        <translation>Only warnings in force</translation>
    </message>
    <message>
        <source>Only orange and red</source>
        <translation>Only orange and red</translation>
    </message>
    <message>
        <source>No warning matches these filters.</source>
        <translation>No warning matches these filters.</translation>
    </message>
    <message>
        <source>No warnings recorded yet.</source>
        <translation>No warnings recorded yet.</translation>
    </message>
    <message>
        <source>No warnings recorded yet. When the weather bureau, the police, head office or emergency management sends one, Record a warning… enters it; an orange or red one can start the natural-disaster plan's preparation.</source>
        <translation>No warnings recorded yet. When the weather bureau, the police, head office or emergency management sends one, Record a warning… enters it; an orange or red one can start the natural-disaster plan's preparation.</translation>
    </message>
    <message>
        <source>Select a warning in force to start its preparation.</source>
        <translation>Select a warning in force to start its preparation.</translation>
    </message>
    <message>
        <source>Select a warning in force to record its end.</source>
        <translation>Select a warning in force to record its end.</translation>
    </message>
    <message>
        <source>This warning is no longer in force.</source>
        <translation>This warning is no longer in force.</translation>
    </message>
    <message>
        <source>Its preparation has started: double-click the warning to open it.</source>
        <translation>Its preparation has started: double-click the warning to open it.</translation>
    </message>
    <message>
        <source>Start the natural-disaster plan's preparation at this warning's colour.</source>
        <translation>Start the natural-disaster plan's preparation at this warning's colour.</translation>
    </message>
    <message>
        <source>Record that this warning was lifted or cancelled.</source>
        <translation>Record that this warning was lifted or cancelled.</translation>
    </message>
</context>
<context>
    <name>DaysModel</name>
    <message>
        <source>(%1 items)</source>
        <translation>(%1 items)</translation>
    </message>
    <message>
        <source>%1, items: %2</source>
        <translation>%1, items: %2</translation>
    </message>
</context>
<context>
    <name>OwnPasswordAction</name>
    <message>
        <source>Change my password…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Your password was changed.</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>at least 8 characters</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>HeadOfficeLibraryPanel</name>
    <message>
        <source>Export the library for branches</source>
        <translation>Export the library for branches</translation>
    </message>
    <message>
        <source>Library (*.zip)</source>
        <translation>Library (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the library</source>
        <translation>Exporting the library</translation>
    </message>
    <message>
        <source>%1 playbook(s), %2 template(s), %3 rule(s); working-day years: %4.</source>
        <translation>%1 playbook(s), %2 template(s), %3 rule(s); working-day years: %4.</translation>
    </message>
    <message>
        <source>none from this year on</source>
        <translation>none from this year on</translation>
    </message>
    <message>
        <source>Save the public key for branches</source>
        <translation>Save the public key for branches</translation>
    </message>
    <message>
        <source>Key files (*.pem)</source>
        <translation>Key files (*.pem)</translation>
    </message>
    <message>
        <source>Each branch trusts it once: read them its fingerprint %1 by phone.</source>
        <translation>Each branch trusts it once: read them its fingerprint %1 by phone.</translation>
    </message>
    <message>
        <source>Saving the public key</source>
        <translation>Saving the public key</translation>
    </message>
    <message>
        <source>Store a working-day table</source>
        <translation>Store a working-day table</translation>
    </message>
    <message>
        <source>Working-day tables (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Working-day tables (*.yaml *.yml *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Storing the table</source>
        <translation>Storing the table</translation>
    </message>
    <message>
        <source>Nothing changed: the years in this file (%1) are stored as they are.</source>
        <translation>Nothing changed: the years in this file (%1) are stored as they are.</translation>
    </message>
    <message>
        <source>Working-day years added: %1; updated: %2. Every library exported from now on carries them.</source>
        <translation>Working-day years added: %1; updated: %2. Every library exported from now on carries them.</translation>
    </message>
    <message>
        <source>Library for branches</source>
        <translation>Library for branches</translation>
    </message>
    <message>
        <source>Head office's key (branches trust it)</source>
        <translation>Head office's key (branches trust it)</translation>
    </message>
    <message>
        <source>Working-day tables cover</source>
        <translation>Working-day tables cover</translation>
    </message>
    <message>
        <source>Export library…</source>
        <translation>Export library…</translation>
    </message>
    <message>
        <source>Save public key…</source>
        <translation>Save public key…</translation>
    </message>
    <message>
        <source>Store working-day table…</source>
        <translation>Store working-day table…</translation>
    </message>
    <message>
        <source>The library carries the approved playbooks and checklist templates, the compliance rules and the working-day tables from this year on, signed with head office's key. Give each branch the public key once; it compares the fingerprint by phone before trusting it. Store the new year's working-day table when the State Council publishes its holidays.</source>
        <translation>The library carries the approved playbooks and checklist templates, the compliance rules and the working-day tables from this year on, signed with head office's key. Give each branch the public key once; it compares the fingerprint by phone before trusting it. Store the new year's working-day table when the State Council publishes its holidays.</translation>
    </message>
</context>
<context>
    <name>ScoresBox</name>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Weighted score: %1 / 100</source>
        <translation>Weighted score: %1 / 100</translation>
    </message>
</context>
<context>
    <name>ScenarioBox</name>
    <message>
        <source>Type a code or a few characters of the plan</source>
        <translation>Type a code or a few characters of the plan</translation>
    </message>
</context>
<context>
    <name>HeldDrillDialog</name>
    <message>
        <source>Scenario (playbook)</source>
        <translation>Scenario (playbook)</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>Lessons learned</translation>
    </message>
    <message>
        <source>Record a drill held earlier</source>
        <translation>Record a drill held earlier</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>Held at</translation>
    </message>
    <message>
        <source>Paper record</source>
        <translation>Paper record</translation>
    </message>
    <message>
        <source>e.g. safety register 2026, page 14</source>
        <translation>e.g. safety register 2026, page 14</translation>
    </message>
    <message>
        <source>Record drill</source>
        <translation>Record drill</translation>
    </message>
    <message>
        <source>Choose the playbook the drill rehearsed.</source>
        <translation>Choose the playbook the drill rehearsed.</translation>
    </message>
    <message>
        <source>A drill held without BranchGuard (before it was installed, or on paper), entered from its paper record: it counts towards the compliance rules from the day it was held, and its report says it was recorded afterwards. Its problems become hazards through “Record hazard…” in the list.</source>
        <translation>A drill held without BranchGuard (before it was installed, or on paper), entered from its paper record: it counts towards the compliance rules from the day it was held, and its report says it was recorded afterwards. Its problems become hazards through “Record hazard…” in the list.</translation>
    </message>
    <message numerus="yes">
        <source>%n criteria still have no score: type each from the paper form.</source>
        <translation>
            <numerusform>%n criterion still has no score: type it from the paper form.</numerusform>
            <numerusform>%n criteria still have no score: type each from the paper form.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scored by</source>
        <translation>Scored by</translation>
    </message>
    <message>
        <source>As the paper form names them; empty: you</source>
        <translation>As the paper form names them; empty: you</translation>
    </message>
    <message>
        <source>Enter the day the drill was held, from its record.</source>
        <translation>Enter the day the drill was held, from its record.</translation>
    </message>
    <message>
        <source>Enter the time the drill began, from its record: hh:mm, e.g. 14:30.</source>
        <translation>Enter the time the drill began, from its record: hh:mm, e.g. 14:30.</translation>
    </message>
    <message>
        <source>The time the drill began is not a time: enter it as hh:mm, e.g. 14:30.</source>
        <translation>The time the drill began is not a time: enter it as hh:mm, e.g. 14:30.</translation>
    </message>
</context>
<context>
    <name>PageKeys</name>
    <message>
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <source>Go to the page at that place in the sidebar</source>
        <translation>Go to the page at that place in the sidebar</translation>
    </message>
    <message>
        <source>Next page in the sidebar (after the last, the first)</source>
        <translation>Next page in the sidebar (after the last, the first)</translation>
    </message>
    <message>
        <source>Previous page in the sidebar (before the first, the last)</source>
        <translation>Previous page in the sidebar (before the first, the last)</translation>
    </message>
    <message>
        <source>Go to page: type part of its name, in Chinese or English</source>
        <translation>Go to page: type part of its name, in Chinese or English</translation>
    </message>
</context>
<context>
    <name>GoToPageDialog</name>
    <message>
        <source>Go to page</source>
        <translation>Go to page</translation>
    </message>
    <message>
        <source>Type part of a page's name, in Chinese or English; Enter goes there.</source>
        <translation>Type part of a page's name, in Chinese or English; Enter goes there.</translation>
    </message>
    <message>
        <source>Page name</source>
        <translation>Page name</translation>
    </message>
    <message>
        <source>No page of yours has that name.</source>
        <translation>No page of yours has that name.</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>DrillKindBoxes</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Left empty: “Drill: &lt;playbook title&gt;”</source>
        <translation>Left empty: “Drill: &lt;playbook title&gt;”</translation>
    </message>
    <message>
        <source>Announced in advance</source>
        <translation>Announced in advance</translation>
    </message>
    <message>
        <source>Unannounced (staff not told)</source>
        <translation>Unannounced (staff not told)</translation>
    </message>
</context>
<context>
    <name>HeldWhen</name>
    <message>
        <source>Enter the date</source>
        <translation>Enter the date</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
    <message>
        <source>Time the drill began</source>
        <translation>Time the drill began</translation>
    </message>
    <message>
        <source>Day the drill was held</source>
        <translation>Day the drill was held</translation>
    </message>
</context>
<context>
    <name>BranchNote</name>
    <message>
        <source>No branch set up: name it in Settings → Branch</source>
        <translation>No branch set up: name it in Settings → Branch</translation>
    </message>
    <message>
        <source>No branch set up: ask the safety lead to set it up</source>
        <translation>No branch set up: ask the safety lead to set it up</translation>
    </message>
</context>
<context>
    <name>DayGrid</name>
    <message>
        <source>Arrow keys: another day. Enter: its items (Esc: back). Page Up, Page Down: a month.</source>
        <translation>Arrow keys: another day. Enter: its items (Esc: back). Page Up, Page Down: a month.</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <source>Register a branch</source>
        <translation>Register a branch</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>Branch code</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>Branch name</translation>
    </message>
    <message>
        <source>Public key file</source>
        <translation>Public key file</translation>
    </message>
    <message>
        <source>The .pem file the branch made (branchguard key export)</source>
        <translation>The .pem file the branch made (branchguard key export)</translation>
    </message>
    <message>
        <source>The branch's public key</source>
        <translation>The branch's public key</translation>
    </message>
    <message>
        <source>Public keys (*.pem);;All files (*)</source>
        <translation>Public keys (*.pem);;All files (*)</translation>
    </message>
</context>
<context>
    <name>LedgerChecker</name>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Verifying every record against the ledger…</source>
        <translation>Verifying every record against the ledger…</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more (Show Details).</source>
        <translation>
            <numerusform>…and %n more (Show Details).</numerusform>
            <numerusform>…and %n more (Show Details).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerBand</name>
    <message>
        <source>This record does not match its entry in the evidence ledger</source>
        <translation>This record does not match its entry in the evidence ledger</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: Verify… on the Audit page names them all</source>
        <translation>
            <numerusform>… and %n more: Verify… on the Audit page names them all</numerusform>
            <numerusform>… and %n more: Verify… on the Audit page names them all</numerusform>
        </translation>
    </message>
</context>
</TS>
