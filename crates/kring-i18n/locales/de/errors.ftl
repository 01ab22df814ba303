# Fehler, denen eine Person begegnen kann, nach ihrem festen Code: `error-<code>`.

## kring-core: der Datenspeicher (StoreError)
error-store_in_use = Datenspeicher { $path } wird von einem anderen Kring-Prozess verwendet; schließen Sie diesen und versuchen Sie es erneut
error-schema_too_new = Datenspeicher { $path } wurde von einem neueren Kring geschrieben (Schema { $found }); dieses Kring liest Schema { $supported } und ältere: aktualisieren Sie Kring
error-store_open = Datenspeicher { $path } kann nicht geöffnet werden: { $reason }
error-not_initialised = der Datenspeicher ist noch nicht eingerichtet: führen Sie zuerst `kring init --name NAME --email E-MAIL` aus
error-already_initialised = der Datenspeicher ist bereits für { $name } eingerichtet
error-not_found = kein Datensatz mit der ID { $id }
error-wrong_kind = { $id } ist ein(e) { $actual }, kein(e) { $expected }
error-corrupt = Datensatz { $id } kann nicht gelesen werden ({ $reason }): führen Sie `kring check` aus
error-disk_full = { $path ->
    [none] der Datenträger ist voll: geben Sie Speicherplatz frei und versuchen Sie es erneut (was zuvor gespeichert wurde, ist unversehrt)
   *[other] der Datenträger mit dem Datenspeicher { $path } ist voll: geben Sie Speicherplatz frei und versuchen Sie es erneut (was zuvor gespeichert wurde, ist unversehrt)
}
error-read_only = { $path ->
    [none] der Datenspeicher ist schreibgeschützt (ein schreibgeschützter Datenträger oder ein Ordner, in den dieser Benutzer nicht schreiben darf): Kring schreibt in seinen Datenspeicher, selbst um ihn zu lesen; machen Sie ihn beschreibbar oder kopieren Sie ihn an einen anderen Ort (nichts wurde geändert)
   *[other] der Datenspeicher unter { $path } ist schreibgeschützt (ein schreibgeschützter Datenträger oder ein Ordner, in den dieser Benutzer nicht schreiben darf): Kring schreibt in seinen Datenspeicher, selbst um ihn zu lesen; machen Sie ihn beschreibbar oder kopieren Sie ihn an einen anderen Ort (nichts wurde geändert)
}
error-io = der Datenspeicher konnte nicht gelesen oder geschrieben werden: { $reason }
error-writes_stopped = Kring hat aufgehört, in den Datenspeicher zu schreiben, als ein Schreibvorgang fehlschlug (ein voller Datenträger oder einer, der nicht mehr erreichbar war): schließen Sie Kring und öffnen Sie es wieder, sobald das behoben ist (was zuvor gespeichert wurde, ist unversehrt)
error-not_allowed = { $reason }; nichts wurde geändert
error-demo_store = dies ist ein Demo-Datenspeicher mit erfundenen Daten, der diesen Computer nie verlässt und von echten Daten getrennt bleibt: er kann nicht { $kind ->
    [exported] exportiert
    [exported-as-a-kpi-report] als Kennzahlenbericht exportiert
    [exported-as-a-calendar] als Kalender exportiert
    [exported-as-a-graph-file] als Graphdatei exportiert
    [exported-as-a-subject-access-report] als Auskunftsbericht exportiert
    [exported-as-a-transparency-register] als Transparenzregister exportiert
    [exported-as-contacts] als Kontakte exportiert
    [restored-from-a-backup] aus einer Sicherung wiederhergestellt
    [synced] synchronisiert
    [used-to-invite-a-member] zum Einladen eines Mitglieds verwendet
   *[other] { $action }
} werden; öffnen Sie Ihren eigenen Datenspeicher, um dies mit Ihrem eigenen Netzwerk zu tun
error-not_a_sandbox = { $path } ist kein Demo-Sandkasten (dort liegt kein als Demo markierter Kring-Datenspeicher): es wurde gelassen, wie es ist, und nichts wurde entfernt; verschieben Sie es selbst, wenn die Demo dort hin soll

## Synchronisation
error-write_failed = { $path }: kann nicht geschrieben werden: { $reason }
error-import_unfinished = { $error }; der Import bleibt im Datenspeicher und wird beim nächsten Öffnen des Datenspeichers abgeschlossen
error-held_set_aside = { $error }. { $name } ist genehmigt; dieses für { $name } zurückgehaltene Paket kann nicht zusammengeführt werden und wurde beiseitegelegt: Der nächste Export von { $name } bringt, was es enthielt{ $merged ->
    [0] {""}
    [one] {"; "}{ $merged } weiteres zurückgehaltenes Paket wurde zusammengeführt
   *[other] {"; "}{ $merged } weitere zurückgehaltene Pakete wurden zusammengeführt
}
error-own_bundle = { $path }: von genau diesem Datenspeicher signiert (Knoten { $node }); ein Datenspeicher importiert seine eigenen Pakete nicht
error-other_organisation = { $path }: von einer anderen Organisation ({ $theirs }); dieser Datenspeicher gehört zu { $ours }
error-clock_ahead = { $path }: die Änderungen von { $author } sind bis zu { $days } Tage nach der Uhr dieses Computers datiert (die { $local } anzeigt). Entweder die Uhr von { $author } oder die dieses Computers geht falsch: prüfen Sie auf beiden das Datum; nichts wurde importiert
error-bundle_io = { $path }: kann nicht gelesen werden: { $reason }
error-bundle_wrong_magic = { $path }: kein Kring-Paket (falsche Anfangsbytes)
error-bundle_future_format = { $path }: von einem neueren Kring erstellt (Paketformat { $found }; dieses Kring liest { $supported }): aktualisieren Sie Kring
error-bundle_truncated = { $path }: abgeschnitten (die Datei endet zu früh; kopieren Sie sie erneut)
error-bundle_corrupt = { $path }: beschädigt ({ $reason })
error-bundle_bad_signature = { $path }: die Signatur passt nicht zum Inhalt (die Datei wurde verändert oder gefälscht)
error-bundle_hash_mismatch = { $path }: der Inhalt passt nicht zum Hash in der Kopfzeile (verändert oder noch im Kopiervorgang)
error-bundle_is_backup = { $path }: eine Sicherung, kein Export: stellen Sie sie mit `kring restore` wieder her
error-bundle_is_export = { $path }: ein Export, keine Sicherung: importieren Sie ihn (`kring import` oder Synchronisation in der App)
error-bundle_not_a_recipient = { $path }: für die Mitglieder der Organisation verschlüsselt, und dieser Datenspeicher ist keiner der Empfänger (oder hat keinen Schlüssel zum Öffnen). Ist dieser Datenspeicher neu, aus einer Sicherung wiederhergestellt oder auf einen anderen Computer umgezogen, bitten Sie eine/n Netzwerkmanager/in, ihn zu genehmigen (in der Ansicht Mitglieder, oder kring approve); der nächste Master lässt sich danach öffnen
error-sync_folder_unavailable = Synchronisationsordner { $path } ist nicht verfügbar ({ $reason }); nichts wurde geändert, und Kring holt alles nach, sobald er wieder da ist
error-sync_folder_write = { $path }: kann im Synchronisationsordner nicht geschrieben werden: { $reason }
error-still_changing = { $path }: wird noch geschrieben oder synchronisiert; beim nächsten Mal erneut versucht

## Die Mitglieder der Organisation
error-not_a_manager = nur ein/e Netzwerkmanager/in kann { $kind ->
    [invite-members] Mitglieder einladen
    [enrol-members] Mitglieder aufnehmen
    [remove-members] Mitglieder entfernen
    [approve-a-colleague-s-store] den Datenspeicher eines Kollegen genehmigen
    [drop-a-claim] einen Anspruch streichen
   *[other] dies tun ({ $action })
}
error-already_joined = dieser Datenspeicher gehört bereits zur Organisation { $organisation }; ein Datenspeicher tritt einer einzigen Organisation bei
error-bad_invitation = { $reason }
error-no_such_member = kein Mitglied und keine ausstehende Genehmigung passt zu '{ $who }': siehe `kring members`
error-ambiguous_member = '{ $who }' passt zu mehr als einem Mitglied: geben Sie mehr von der Knoten-ID oder dem Fingerabdruck ein
error-no_such_claim = der Datenspeicher von { $member } nennt den Knoten { $node } nicht als einen, unter dem er früher geschrieben hat: siehe `kring members`

## Dateien, die Kring liest
error-file_too_large = { $path }: { $size } ist größer als die { $limit }, die Kring als { $kind ->
    [a-backup] Sicherung
    [a-bundle] Paket
    [an-address-book] Adressbuch
   *[other] { $what }
} liest (nichts wurde gelesen): prüfen Sie, ob es die richtige Datei ist
error-not_a_file = { $path }: keine Datei (ein Ordner, ein Gerät oder eine Pipe): geben Sie die Datei selbst an
error-file_unreadable = { $path }: kann nicht gelesen werden: { $reason }
error-contacts_malformed = { $file }: { $error }
error-malformed = Zeile { $line }: { $reason }
error-undecodable = Zeile { $line }: { $reason }

## Besprechungen und E-Mails zum Erfassen; jede Meldung folgt auf den Dateinamen
error-too_large = ist { $size } Bytes groß, mehr als die { $limit } Bytes, die Kring aus { $what ->
    [calendar] einem Kalender
   *[other] einer E-Mail
} liest: teilen Sie sie auf oder erfassen Sie einen kürzeren Zeitraum
error-outlook_msg = ist eine Outlook-.msg-Datei, die Kring nicht lesen kann: speichern Sie in Outlook eine Besprechung mit Datei > Speichern unter > iCalendar-Format (.ics) und laden Sie eine E-Mail als .eml herunter (Outlook im Web oder das neue Outlook: … > Herunterladen)
error-not_recognised = ist weder eine iCalendar-Datei (.ics) noch eine E-Mail (.eml): exportieren Sie die Besprechung oder speichern Sie die E-Mail aus Ihrem E-Mail-Programm und erfassen Sie diese Datei
error-not_calendar = ist keine iCalendar-Datei: sie hat kein BEGIN:VCALENDAR{ $detail }
error-no_meetings = enthält keine Besprechung zum Erfassen: { $detail }
error-invitation_reply = ist eine Antwort auf eine Einladung (METHOD:{ $method }), nicht die Besprechung selbst: erfassen Sie die Einladung oder die Besprechung aus Ihrem Kalender
error-too_many_meetings = enthält { $count } Besprechungen, mehr als die { $limit }, die Kring aus einer Datei liest: exportieren Sie einen kürzeren Zeitraum
error-no_date = hat keine lesbare Date-Kopfzeile (und keine Received-Kopfzeile), daher kann Kring nicht erkennen, wann sie gesendet wurde: speichern Sie die E-Mail erneut aus Ihrem E-Mail-Programm
error-no_addresses = nennt niemanden: in From, To oder Cc steht keine E-Mail-Adresse
error-not_email = ist keine E-Mail: sie beginnt nicht mit Kopfzeilen wie From: und Subject:
error-broken_mime = ist eine E-Mail, deren Teile so verschachtelt sind, dass Kring sie nicht lesen kann: speichern Sie sie erneut aus Ihrem E-Mail-Programm

## Warum ein Wert abgelehnt wird: `invalid-<code>`, nach „Feld: "
invalid-empty = darf nicht leer sein
invalid-not_a_record_id = '{ $value }' ist keine Datensatz-ID
invalid-not_an_id_start = '{ $value }' ist keine Datensatz-ID und nicht der Anfang einer solchen
invalid-ambiguous_id_start = '{ $value }' ist der Anfang mehrerer IDs: geben Sie mehr davon ein
invalid-no_id_starts_with = keine Datensatz-ID beginnt mit '{ $value }'
invalid-not_one_of = '{ $value }' ist keiner der Werte { $choices }
invalid-not_an_email = '{ $value }' ist keine E-Mail-Adresse
invalid-not_a_phone = '{ $value }' ist keine Telefonnummer
invalid-not_a_web_address = '{ $value }' ist keine Webadresse
invalid-score_out_of_range = { $value } liegt außerhalb des Bereichs 1–5
invalid-ends_before_start = endet, bevor es beginnt
invalid-at_least_one_day = muss mindestens 1 Tag betragen
invalid-year_out_of_bounds = { $day } liegt { $side ->
    [before] vor
   *[after] nach
} den Jahren, die Kring verwaltet ({ $earliest }–{ $latest }): prüfen Sie das Jahr
invalid-too_many_items = { $count } Einträge sind mehr als die { $limit }, die eine Liste enthalten darf
invalid-interaction_in_future = { $at } liegt in der Zukunft: ein Kontakt ist etwas, das stattgefunden hat (höchstens einen Tag im Voraus); für einen kommenden Kontakt fügen Sie eine Wiedervorlage oder eine Veranstaltung hinzu
invalid-follow_up_before_interaction = { $due } liegt vor dem Kontakt, auf den sie folgt ({ $day }): eine Wiedervorlage ist am Tag des Kontakts oder danach fällig
invalid-no_card_with_id = keine Karte mit der ID { $id }
invalid-name_a_card = nennen Sie mindestens eine Karte, mit der der Kontakt stattfand
invalid-invalid = { $reason }
invalid-not_a_contact_hash = '{ $value }' ist kein Kontakt-Hash
invalid-answered_before_received = liegt vor dem Eingang der Anfrage
invalid-only_people_are_erased = nur Personen werden zur Löschung vorgeschlagen, nicht ein { $kind }
invalid-rule_cannot_act = eine Regel kann ein { $kind } nicht { $action ->
    [remove] entfernen
    [clear] leeren
   *[other] { $action }
} (Personen werden stattdessen zur Löschung vorgeschlagen)
invalid-name_fields_to_clear = nennen Sie die Felder, die geleert werden sollen
invalid-not_a_clearable_field = '{ $value }' ist kein Textfeld eines { $kind }, das geleert werden kann
invalid-fields_only_when_clearing = nur eine Regel, die Felder leert, nennt Felder
invalid-not_a_node_id = '{ $value }' ist keine Knoten-ID
invalid-not_a_signing_key = ist kein ed25519-Schlüssel
invalid-not_an_encryption_key = ist kein age-Empfänger
invalid-not_a_team_stakeholder = { $id } gehört nicht zu den Stakeholdern, um die sich das Netzwerkteam kümmert
invalid-not_a_partner = { $id } ist kein Partner dieser Partnerschaft
invalid-name_a_participant = nennen Sie mindestens einen Teilnehmer
invalid-linked_to_itself = eine Karte kann nicht mit sich selbst verknüpft werden
invalid-same_as_itself = eine Karte ist immer dieselbe wie sie selbst
invalid-not_an_object = ein { $kind } ist ein Objekt aus Feldern
invalid-missing = fehlt
invalid-not_a_list = { $found ->
    [null] null
    [bool] wahr oder falsch
    [number] eine Zahl
    [list] eine Liste
    [object] ein Objekt
   *[text] Text
}, wo eine Liste erwartet wird
invalid-wrong_type = { $found ->
    [null] null
    [bool] wahr oder falsch
    [number] eine Zahl
    [list] eine Liste
    [object] ein Objekt
   *[text] Text
}, wo { $expected } erwartet wird
invalid-in_field = { $field }: { $reason }
schema-expected = { $expected ->
    [email] eine E-Mail-Adresse
    [phone] eine Telefonnummer
    [web_address] eine Webadresse
    [date] ein Datum (JJJJ-MM-TT)
    [date_time] ein Datum mit Uhrzeit
    [record_id] eine Datensatz-ID
    [score] eine Bewertung von 1 bis 5
    [days] eine Anzahl Tage
    [bool] wahr oder falsch
    [word] eines von { $choices }
    [postal_address] eine Postanschrift
    [team_member] ein Teammitglied
    [accountability] eine Zuständigkeit
    [partner_accountability] eine Zuständigkeit für einen Partner
    [node_id] eine Knoten-ID (16 Hexadezimalziffern)
    [hex] ein Schlüssel in Hexadezimalziffern
    [age_recipient] ein age-Empfänger (age1…)
   *[text] Text
}
invalid-not_a_date = '{ $value }' ist kein Datum (verwenden Sie JJJJ-MM-TT)
invalid-not_a_date_and_time = '{ $value }' ist kein Datum mit Uhrzeit (verwenden Sie RFC 3339, etwa 2026-11-01T09:30:00+01:00)
invalid-not_a_whole_number = { $value } ist keine ganze Zahl
invalid-too_many_days = { $value } Tage sind mehr, als Kring zählt
invalid-too_long = ist { $chars } Zeichen lang; höchstens { $max } sind erlaubt
invalid-not_an_age_recipient = '{ $value }' ist kein age-Empfänger
invalid-item_without_identity = ein Eintrag ohne Identität
invalid-no_card_to_log_with = keine Karte mit der ID { $id }, mit der '{ $subject }' erfasst werden kann
invalid-wrong_kind_of_card = { $id } ist ein { $kind }, erwartet: { $expected }
invalid-not_person_or_organisation = { $id } ist ein { $kind }, erwartet: Person oder Organisation
invalid-same_as_different_kinds = { $b } ist ein { $kind_b } und { $a } ein { $kind_a }: nur zwei Personen oder zwei Organisationen können dieselben sein
invalid-no_conflict = hat keinen Konflikt, der zu lösen wäre
invalid-no_losing_value = es gibt keinen unterlegenen Wert Nummer { $number }
invalid-kind_not_editable = Datensätze der Art '{ $kind }' können von diesem Kring nicht bearbeitet werden
invalid-no_such_field = ein { $kind } hat kein solches Feld
invalid-updated_twice = { $id } wird zweimal aktualisiert
invalid-forget_without_reason = sagen Sie, warum die Person vergessen wird (ein Aktenzeichen, der Artikel), ohne sie zu nennen
invalid-not_a_record_body = ist kein gültiger Inhalt eines Datensatzes
invalid-private_on_shared_goal = { $name } ist privat: Teilen Sie es zuerst, sonst verließe seine ID diesen Rechner mit dem Ziel
invalid-no_record_with_id = kein Datensatz mit der ID { $id }
invalid-cannot_link_to_goal = ein { $kind } kann nicht mit einem Ziel verknüpft werden: Verknüpfen Sie einen Stakeholder, eine Beziehung, einen Kontakt oder eine Veranstaltung
invalid-not_a_team_member = { $networker } ist kein Mitglied von { $team }
invalid-crosses_red_line = { $partner } überschreitet die rote Linie ‚{ $line }‘
invalid-not_an_organisation = { $id } ist keine Organisation
invalid-succeeds_themselves = ein Netzwerkmitglied kann nicht seine eigene Nachfolge antreten
invalid-not_a_networker = { $id } ist kein Netzwerkmitglied
invalid-has_left = { $name } hat die Organisation verlassen: Wählen Sie eine Kollegin oder einen Kollegen, die oder der noch da ist
invalid-nothing_to_hand_over = { $leaver } hat keine Beziehung zu { $stakeholder }, die übergeben werden könnte
invalid-set_as_register = als ein Wert geschrieben, ist aber eine Menge, deren Elemente einzeln hinzugefügt werden
invalid-register_as_set = als Element einer Menge geschrieben, enthält aber einen Wert
invalid-not_json = enthält Bytes, die kein JSON sind
list-or = {" "}oder{" "}

# Why a file Kring writes could not be written (files::write_failure_in).
files-write-disk-full = der Datenträger ist voll (nichts wurde geschrieben): Schaffen Sie Platz oder schreiben Sie auf einen anderen Datenträger
files-write-read-only = der Datenträger ist schreibgeschützt (nichts wurde geschrieben): Schreiben Sie in einen anderen Ordner
files-write-not-allowed = dieser Benutzer darf nicht in diesen Ordner schreiben (nichts wurde geschrieben): Schreiben Sie in einen anderen Ordner
