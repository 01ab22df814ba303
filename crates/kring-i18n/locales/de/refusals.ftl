# Warum ein Schreibvorgang abgelehnt wurde (siehe en/refusals.ftl).
refusal-not_on_roster = geschrieben von einem Datenspeicher, der nicht auf der Mitgliederliste der Organisation steht
refusal-removed_member = geschrieben von { $writer }, nachdem er/sie von der Mitgliederliste genommen wurde
refusal-managers_erase = nur ein/e Netzwerkmanager/in löscht eine Person für die Organisation
refusal-managers_restrict = nur ein/e Netzwerkmanager/in ändert oder hebt einen Widerspruch oder eine Einschränkung auf
refusal-managers_write = nur ein/e Netzwerkmanager/in schreibt Datensätze der Art { $kind }
refusal-forget_is_final = ein Vergessen-Datensatz wird nie geändert oder entfernt
refusal-visibility_owner_only = nur der Eigentümer entscheidet, wer einen Datensatz sehen darf
refusal-belongs_to_keeper = ein Datensatz der Art { $kind } gehört dem Netzwerkmitglied, das ihn führt
refusal-networker_card = nur dieses Netzwerkmitglied (oder ein/e Netzwerkmanager/in) ändert seine Karte
refusal-author_deletes = nur der Autor oder ein/e Netzwerkmanager/in löscht eine Karte, auf die sich andere verlassen
refusal-names_another_owner = nennt jemand anderen als Eigentümer des Datensatzes
refusal-not_the_signer = das Paket eines Netzwerkmitglieds enthält nur dessen eigene Änderungen
refusal-forged_own_write = als von diesem Datenspeicher selbst geschrieben gestempelt, der es nie schrieb
refusal-private_here = der Eigentümer hält diesen Datensatz in diesem Datenspeicher privat
refusal-kind_changed = gesendet als { $sent }, aber dieser Datenspeicher führt ihn als { $held }
refusal-invalid_value = { $problem }
refusal-summary_only = der Eigentümer teilt von diesem Datensatz ({ $kind }) nur eine Zusammenfassung: das Feld „{ $field }“ kann hier nicht geändert werden; bitten Sie den Eigentümer, ihn zu teilen
refusal-withdrawn = der Eigentümer hat diesen Datensatz ({ $kind }) zurückgezogen: das Feld „{ $field }“ kann hier nicht geändert werden; bitten Sie den Eigentümer, ihn zu teilen
refusal-restricted = { $name } ({ $person }) ist { $status ->
    [objected] mit einem Widerspruch
    [restricted] mit einer Einschränkung
   *[other] als { $status }
} markiert: die Person bleibt von Newslettern und Einladungen ausgeschlossen, bis ein/e Netzwerkmanager/in die Markierung aufhebt
