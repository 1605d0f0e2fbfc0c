package evidence

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	e := Load(files{"staff.xlsx": xlsx(t, staffSheet(
		staffRow(t, "NS-1", map[string]string{"Identity Check": "=DATE(2025,3,10)"}),
		staffRow(t, "NS-2", map[string]string{"Start Date": "=TODAY()", "Government Data Access": "=TRUE()"}),
	))}.fs(), "evidence")
	fmt.Println(allProblems(e))
	fmt.Printf("%+v\n", e.Staff[0].IdentityCheck)
}
