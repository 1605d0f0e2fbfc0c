package evidence

// Privilege is one grant of an elevated ICT privilege or access right to
// a member of staff (Annex 1 6.5): one row of the privileged access
// register.
type Privilege struct {
	ID            string `col:"Grant ID"`
	Row           Text   `col:"Grant ID"` // the key cell
	StaffID       Text   `col:"Staff ID"`
	Privilege     Text   `col:"Privilege"`
	Justification Text   `col:"Justification"`
	Granted       Date   `col:"Granted On"`
	NotNeeded     Date   `col:"No Longer Needed On"`
	Revoked       Date   `col:"Revoked On"`
}

// checkPrivilege reports dates before the grant they end.
func checkPrivilege(r rowReader, g *Privilege) {
	r.notBefore(&g.NotNeeded, "No Longer Needed On", g.Granted, "the privilege was granted on")
	r.notBefore(&g.Revoked, "Revoked On", g.Granted, "the privilege was granted on")
}
