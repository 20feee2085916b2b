import Domain
import GRDB
