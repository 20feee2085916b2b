import LuaBridge
import Sandbox
import Domain
import Store
