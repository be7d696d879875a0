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
        <source>Entity</source>
        <translation>Entity</translation>
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
        <source>Users and logins</source>
        <translation>Users and logins</translation>
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
        <source>Branch settings</source>
        <translation>Branch settings</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>Playbooks</source>
        <translation>Playbooks</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
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
        <source>Name your branch and create the safety lead&apos;s account. The safety lead manages playbooks, drills, staff and the other user accounts.</source>
        <translation>Name your branch and create the safety lead&apos;s account. The safety lead manages playbooks, drills, staff and the other user accounts.</translation>
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
        <source>Safety lead&apos;s user name</source>
        <translation>Safety lead&apos;s user name</translation>
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
        <source>e.g. the lead&apos;s full name</source>
        <translation>e.g. the lead&apos;s full name</translation>
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
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
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
        <source>No branch set up</source>
        <translation>No branch set up</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <source>Go to the page at that place in the sidebar</source>
        <translation>Go to the page at that place in the sidebar</translation>
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
        <source>The screen is locked.</source>
        <translation>The screen is locked.</translation>
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
    <name>SettingsPage</name>
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
    <name>StaffTab</name>
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
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
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
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
